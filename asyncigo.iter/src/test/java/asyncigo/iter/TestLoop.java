package asyncigo.iter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import asyncigo.api.Coroutine;
import asyncigo.api.Loop;
import asyncigo.api.LoopOptions;
import asyncigo.api.UnhandledFailure;
import java.util.ArrayList;
import java.util.List;

/** Test fixture: a virtual-time loop that records the failures it could not hand to anyone. */
final class TestLoop implements AutoCloseable {
  final List<UnhandledFailure> unhandled = new ArrayList<>();
  final Loop loop =
      Loop.open(LoopOptions.defaults().virtualTime(true).exceptionHandler(unhandled::add));

  <T> T run(Coroutine<T> main) {
    return loop.run(main);
  }

  /** Closes the loop, asserting that nothing went to its exception handler. */
  @Override
  public void close() {
    loop.close();
    assertEquals(List.of(), new ArrayList<>(unhandled), "unhandled failures");
  }

  /** Runs {@code main} on a fresh loop, asserting that nothing went unhandled. */
  static <T> T runOnce(Coroutine<T> main) {
    try (TestLoop loop = new TestLoop()) {
      return loop.run(main);
    }
  }
}

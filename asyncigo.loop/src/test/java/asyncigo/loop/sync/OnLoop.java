package asyncigo.loop.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import asyncigo.api.Coroutine;
import asyncigo.api.Loop;
import asyncigo.api.LoopOptions;
import asyncigo.api.UnhandledFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Test fixture: runs a coroutine as the main task of a fresh virtual-time loop, closes the loop,
 * and fails the test if any failure went unhandled (a group task's failure nobody retrieved, a
 * callback that threw).
 */
final class OnLoop {
  private OnLoop() {}

  static <T> T run(Coroutine<T> main) {
    List<UnhandledFailure> unhandled = new ArrayList<>();
    T result;
    try (Loop loop =
        Loop.open(LoopOptions.defaults().virtualTime(true).exceptionHandler(unhandled::add))) {
      result = loop.run(main);
    }
    assertEquals(List.of(), unhandled, "unhandled failures");
    return result;
  }

  /** Lets every task that is ready run until it suspends again (one loop iteration or more). */
  static void settle() {
    Loop.current().sleep(Duration.ofNanos(1));
  }

  /** The loop clock in milliseconds. */
  static long nowMillis() {
    return Duration.ofNanos(Loop.current().time()).toMillis();
  }
}

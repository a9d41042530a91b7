package asyncigo.loop.core;

import asyncigo.api.Coroutine;
import asyncigo.api.Loop;
import asyncigo.api.LoopOptions;
import asyncigo.api.UnhandledFailure;
import java.util.ArrayList;
import java.util.List;

/** Test fixture: runs a coroutine on a fresh virtual-time loop that records unhandled failures. */
final class VirtualLoop {
  final List<UnhandledFailure> unhandled = new ArrayList<>();
  final Loop loop =
      Loop.open(LoopOptions.defaults().virtualTime(true).exceptionHandler(unhandled::add));

  /** Runs {@code main} on a new loop and closes it. */
  static <T> T run(Coroutine<T> main) {
    try (Loop loop = Loop.open(LoopOptions.defaults().virtualTime(true))) {
      return loop.run(main);
    }
  }

  <T> T runHere(Coroutine<T> main) {
    return loop.run(main);
  }
}

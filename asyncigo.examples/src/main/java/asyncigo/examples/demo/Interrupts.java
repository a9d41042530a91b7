package asyncigo.examples.demo;

import asyncigo.api.Loop;
import java.util.function.Consumer;

/** Tells a long-running command that the user asked it to stop. */
@FunctionalInterface
interface Interrupts {
  /**
   * On {@code loop}'s thread: from now on, runs {@code action} on the loop with the signal's name
   * ({@code "SIGTERM"}, {@code "SIGINT"}) each time the user interrupts the process, until the
   * loop closes.
   */
  void onInterrupt(Loop loop, Consumer<String> action);

  /** SIGTERM and Ctrl-C (SIGINT), through the loop's signal handlers ({@link Loop#onSignal}). */
  static Interrupts signals() {
    return (loop, action) -> {
      loop.onSignal("TERM", () -> action.accept("SIGTERM"));
      loop.onSignal("INT", () -> action.accept("SIGINT"));
    };
  }
}

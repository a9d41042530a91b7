package asyncigo.examples.demo;

import asyncigo.api.Loop;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@link Console} for tests: captures both streams (readable while a command runs) and keeps
 * the interrupt actions, which {@link #interrupt()} hands to their loops as SIGTERM would.
 */
final class CapturedConsole {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final List<Interrupt> interruptActions = new ArrayList<>();
  final Console console =
      new Console(
          new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8),
          this::onInterrupt);

  /** An action registered for the interrupts, and its loop. */
  private record Interrupt(Loop loop, Consumer<String> action) {}

  private synchronized void onInterrupt(Loop loop, Consumer<String> action) {
    interruptActions.add(new Interrupt(loop, action));
  }

  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** Hands the registered interrupt actions to their loops, as SIGTERM does. */
  void interrupt() {
    List<Interrupt> actions;
    synchronized (this) {
      actions = List.copyOf(interruptActions);
    }
    for (Interrupt interrupt : actions) {
      interrupt.loop().callSoonThreadsafe(() -> interrupt.action().accept("SIGTERM"));
    }
  }

  /** Waits until standard output has a line starting with {@code prefix}, and returns it. */
  String awaitOutLine(String prefix, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (String line : out().lines().toList()) {
        if (line.startsWith(prefix)) {
          return line;
        }
      }
      Thread.sleep(10);
    }
    throw new AssertionError(
        "no line starting with '" + prefix + "' within " + timeout + "; out:\n" + out()
            + "\nerr:\n" + err());
  }
}

package asyncigo.examples.demo;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Console} for tests: captures both streams (readable while a command runs) and keeps
 * the interrupt actions, which {@link #interrupt()} runs on another thread as Ctrl-C would.
 */
final class CapturedConsole {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final List<Runnable> interruptActions = new ArrayList<>();
  final Console console =
      new Console(
          new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8),
          this::onInterrupt);

  private synchronized void onInterrupt(Runnable action) {
    interruptActions.add(action);
  }

  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** Runs the registered interrupt actions on another thread and waits for them to return. */
  void interrupt() throws InterruptedException {
    List<Runnable> actions;
    synchronized (this) {
      actions = List.copyOf(interruptActions);
    }
    for (Runnable action : actions) {
      Thread hook = new Thread(action, "test-interrupt");
      hook.start();
      hook.join();
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

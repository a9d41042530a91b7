package asyncigo.examples;

import asyncigo.api.Async;
import asyncigo.api.Handle;
import asyncigo.api.Loop;
import asyncigo.api.Promise;
import java.io.PrintStream;

/**
 * Signal handlers: a handler for SIGUSR1 runs on the loop when the process receives the signal,
 * here sent to itself with {@code kill}.
 *
 * <pre>
 * got signal USR1
 * </pre>
 */
public final class SignalExample {
  private SignalExample() {}

  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs the example. */
  public static void run(PrintStream out) {
    try (Loop loop = Loop.open()) {
      loop.run(() -> {
        Promise<String> received = loop.newFuture();
        Handle handler = loop.onSignal("USR1", () -> received.complete("USR1"));  // on the loop
        try {
          String pid = String.valueOf(ProcessHandle.current().pid());
          Process kill = new ProcessBuilder("kill", "-USR1", pid).start();
          Async.runOnThread(kill::waitFor);                       // off the loop: it blocks
          out.println("got signal " + received.await());
        } finally {
          handler.cancel();                                       // the JVM's handler is back
        }
        return null;
      });
    }
  }
}

package asyncigo.examples;

import asyncigo.api.CancelledException;
import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.LoopOptions;
import asyncigo.api.Promise;
import asyncigo.api.Task;
import java.io.PrintStream;

/**
 * Shielding: cancelling a task that awaits a shielded future cancels the task, not the future.
 *
 * <pre>
 * waiting for shielded...
 * waiting for unshielded...
 * task1: cancelled
 * task2: cancelled
 * shielded: not cancelled
 * unshielded: cancelled
 * </pre>
 */
public final class ShieldExample {
  private ShieldExample() {}

  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs the example. */
  public static void run(PrintStream out) {
    run(out, LoopOptions.defaults());
  }

  /** Runs the example on a loop opened with {@code options}. */
  public static void run(PrintStream out, LoopOptions options) {
    try (Loop loop = Loop.open(options)) {
      loop.run(
          () -> {
            Promise<String> shielded = loop.newFuture();
            Promise<String> unshielded = loop.newFuture();
            Task<String> task1 =
                loop.spawn(
                    () -> {
                      out.println("waiting for shielded...");
                      return shielded.shield().await();
                    });
            Task<String> task2 =
                loop.spawn(
                    () -> {
                      out.println("waiting for unshielded...");
                      return unshielded.await();
                    });
            loop.yieldNow();
            task1.cancel();
            task2.cancel();
            out.println("task1: " + outcome(task1));
            out.println("task2: " + outcome(task2));
            out.println("shielded: " + (shielded.isCancelled() ? "cancelled" : "not cancelled"));
            out.println("unshielded: " + (unshielded.isCancelled() ? "cancelled" : "not cancelled"));
            return null;
          });
    }
  }

  private static String outcome(Task<String> task) {
    try {
      return "finished with " + task.await();
    } catch (CancelledException e) {
      return "cancelled";
    }
  }
}

package asyncigo.examples;

import asyncigo.api.Async;
import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.LoopOptions;
import asyncigo.api.Promise;
import asyncigo.api.Task;
import asyncigo.api.WaitMode;
import asyncigo.api.Waited;
import java.io.PrintStream;
import java.time.Duration;

/**
 * The seed README's wait example: wait for a future and two tasks, one of which fails.
 *
 * <pre>
 * results: test 20
 * error: oops
 * </pre>
 */
public final class WaitExample {
  private WaitExample() {}

  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs the example on a real-time loop. */
  public static void run(PrintStream out) {
    run(out, LoopOptions.defaults());
  }

  /** Runs the example on a loop opened with {@code options}. */
  public static void run(PrintStream out, LoopOptions options) {
    try (Loop loop = Loop.open(options)) {
      loop.run(
          () -> {
            // The README quotes from here to the second println.
            Promise<String> fut1 = loop.newFuture();
            Task<Integer> task1 = loop.spawn(() -> { loop.sleep(Duration.ofSeconds(1)); fut1.complete("test"); return 20; });
            Task<Double> task2 = loop.spawn(() -> { loop.sleep(Duration.ofSeconds(1)); throw new IllegalStateException("oops"); });
            Waited waited = Async.await(WaitMode.ALL_COMPLETED, fut1, task1, task2);
            out.println("results: " + fut1.resultNow() + " " + task1.resultNow());   // results: test 20
            out.println("error: " + waited.failures().getLast().getMessage());       // error: oops
            return null;
          });
    }
  }
}

package asyncigo.examples;

import asyncigo.api.CancelledException;
import asyncigo.api.Loop;
import asyncigo.api.LoopOptions;
import asyncigo.api.Promise;
import asyncigo.api.Task;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed README's cancellation example: a task awaits ten futures in turn and is cancelled
 * before the sixth; once cancelled, every await in it throws at once.
 *
 * <pre>
 * 0: 0
 * 1: 1
 * 2: 2
 * 3: 3
 * 4: 4
 * 5: cancelled
 * 6: cancelled
 * 7: cancelled
 * 8: cancelled
 * 9: cancelled
 * task result: cancelled
 * </pre>
 */
public final class CancelExample {
  private CancelExample() {}

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
            List<Promise<Integer>> futs = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
              futs.add(loop.newFuture());
            }
            // The README quotes from here to the comment after the second for loop.
            Task<Integer> task = loop.spawn(() -> {
              for (int i = 0; i < futs.size(); i++) {
                try {
                  out.println(i + ": " + futs.get(i).await());
                } catch (CancelledException e) {
                  out.println(i + ": cancelled");
                }
              }
              return 0;
            });
            for (int i = 0; i < futs.size(); i++) {
              if (i == 5) task.cancel();
              loop.yieldNow();
              futs.get(i).complete(i);
            }
            // 0: 0 ... 4: 4, 5: cancelled ... 9: cancelled, task result: cancelled
            try {
              out.println("task result: " + task.await());
            } catch (CancelledException e) {
              out.println("task result: cancelled");
            }
            return null;
          });
    }
  }
}

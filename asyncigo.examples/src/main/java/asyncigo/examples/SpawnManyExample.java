package asyncigo.examples;

import asyncigo.api.Loop;
import asyncigo.api.LoopOptions;
import asyncigo.api.Task;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * 100,000 tasks, each incrementing a shared counter ten times with a 500 ms sleep after each
 * increment; no locks are needed because only one task runs at a time. Takes about 5 s.
 *
 * <pre>
 * 1000000
 * </pre>
 */
public final class SpawnManyExample {
  private SpawnManyExample() {}

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
      long total =
          loop.run(
              () -> {
                long[] counter = {0};
                List<Task<Void>> tasks = new ArrayList<>(100_000);
                for (int i = 0; i < 100_000; i++) {
                  tasks.add(
                      loop.spawn(
                          () -> {
                            for (int j = 0; j < 10; j++) {
                              counter[0]++;
                              loop.sleep(Duration.ofMillis(500));
                            }
                            return null;
                          }));
                }
                for (Task<Void> t : tasks) {
                  t.await();
                }
                return counter[0];
              });
      out.println(total);
    }
  }
}

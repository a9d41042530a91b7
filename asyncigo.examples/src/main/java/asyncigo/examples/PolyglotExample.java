package asyncigo.examples;

import asyncigo.api.Loop;
import asyncigo.api.LoopOptions;
import asyncigo.api.Task;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A polyglot function: it sleeps through the loop when called inside one and blocks the thread
 * otherwise. Called once outside a loop, then by 100 tasks at once.
 *
 * <pre>
 * 100 tasks took 2 seconds to finish
 * </pre>
 */
public final class PolyglotExample {
  private PolyglotExample() {}

  /**
   * Sleeps on the running loop if there is one, else blocks the calling thread. The README quotes
   * this method.
   */
  static void sleepPolyglot(Duration d) throws InterruptedException {
    Optional<Loop> loop = Loop.running();
    if (loop.isPresent()) loop.get().sleep(d); else Thread.sleep(d);
  }

  public static void main(String[] args) throws InterruptedException {
    run(System.out);
  }

  /** Runs the example (it blocks for 2 s outside the loop first). */
  public static void run(PrintStream out) throws InterruptedException {
    run(out, LoopOptions.defaults(), Duration.ofSeconds(2));
  }

  /** Runs the example on a loop opened with {@code options}; the first call sleeps {@code outside}. */
  public static void run(PrintStream out, LoopOptions options, Duration outside)
      throws InterruptedException {
    sleepPolyglot(outside);
    try (Loop loop = Loop.open(options)) {
      long took =
          loop.run(
              () -> {
                long start = loop.time();
                List<Task<Void>> tasks = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                  tasks.add(
                      loop.spawn(
                          () -> {
                            sleepPolyglot(Duration.ofSeconds(2));
                            return null;
                          }));
                }
                for (Task<Void> t : tasks) {
                  t.await();
                }
                return loop.time() - start;
              });
      out.println("100 tasks took " + Duration.ofNanos(took).toSeconds() + " seconds to finish");
    }
  }
}

package asyncigo.bench;

import asyncigo.api.Coroutine;
import asyncigo.api.Loop;
import asyncigo.api.LoopOptions;
import asyncigo.api.Task;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * The memory check of issue 2: {@value #DEFAULT_TASKS} tasks sleeping at once fit in 1 GiB of
 * heap. Run it with {@code -Xmx1g}.
 *
 * <p>A round spawns the tasks (each sleeps an hour on a real-time loop), yields once so that every
 * task runs its first step and suspends in its sleep, checks that all did, and measures the heap
 * used after full GCs against the baseline taken before spawning, then cancels the sleepers. A
 * warm-up round of {@value #DEFAULT_WARMUP_TASKS} tasks comes first, so that the task
 * code is JIT-compiled as in a long-running program: a task suspended in interpreted frames keeps
 * a larger stack. Both rounds are printed.
 *
 * <p>Exits with status 1 if a task did not get to its sleep or the check overruns {@value
 * #TIME_LIMIT_MINUTES} minutes: a heap too small for the tasks can make the GC thrash for a long
 * time rather than fail. Run it with {@code -XX:+ExitOnOutOfMemoryError}, because on an exhausted
 * heap even the watchdog's halt can throw {@link OutOfMemoryError} (the first call of a native
 * method allocates); with the flag any such error ends the run with status 3.
 *
 * <p>Usage: {@code java -Xmx1g -XX:+ExitOnOutOfMemoryError -cp benchmarks.jar
 * asyncigo.bench.SleepingTasksFootprint [tasks [warmupTasks]]}
 */
public final class SleepingTasksFootprint {
  private static final int DEFAULT_TASKS = 1_000_000;
  private static final int DEFAULT_WARMUP_TASKS = 100_000;
  private static final long TIME_LIMIT_MINUTES = 5;
  private static final Duration NAP = Duration.ofHours(1);
  private static final int CANCEL_BATCH = 10_000;

  private final Loop loop;
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

  private SleepingTasksFootprint(Loop loop) {
    this.loop = loop;
  }

  /** What one round measured. */
  private record Round(int tasks, int asleep, long usedBefore, long usedAsleep) {
    long bytesPerTask() {
      return (usedAsleep - usedBefore) / tasks;
    }
  }

  public static void main(String[] args) {
    int tasks = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_TASKS;
    int warmupTasks = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_WARMUP_TASKS;
    startWatchdog();
    Round measured;
    try (Loop loop = Loop.open(LoopOptions.defaults())) {
      System.out.println("loop: " + loop);
      SleepingTasksFootprint check = new SleepingTasksFootprint(loop);
      check.round("warm-up", warmupTasks);
      long start = System.nanoTime();
      measured = check.round("measured", tasks);
      System.out.printf(
          Locale.ROOT, "  time to spawn, suspend and cancel all: %,d ms%n",
          (System.nanoTime() - start) / 1_000_000);
    }
    long maxHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
    System.out.printf(Locale.ROOT, "max heap: %,d bytes%n", maxHeap);
    if (measured.asleep() != measured.tasks()) {
      System.out.println("FAILED: not every task reached its sleep");
      System.exit(1);
    }
    System.out.println("OK");
  }

  private Round round(String label, int tasks) {
    return loop.run(
        () -> {
          int[] asleep = new int[1];
          Coroutine<Void> sleeper =
              () -> {
                asleep[0]++;
                loop.sleep(NAP);
                return null;
              };
          long before = usedAfterGc();
          for (int i = 0; i < tasks; i++) {
            loop.spawn(sleeper);
          }
          loop.yieldNow();
          Round round = new Round(tasks, asleep[0], before, usedAfterGc());
          print(label, round);
          cancelSleepers();
          return round;
        });
  }

  /**
   * Cancels the sleepers {@value #CANCEL_BATCH} at a time, letting each batch finish before the
   * next, so that the cancellations' garbage never piles up (leaving them to {@code run}'s
   * cancel-all cancels every task at once).
   */
  private void cancelSleepers() {
    Task<?> self = loop.currentTask().orElseThrow();
    List<Task<?>> sleepers = new ArrayList<>(loop.tasks());
    for (int i = 0; i < sleepers.size(); i++) {
      Task<?> t = sleepers.set(i, null);
      if (t != self) {
        t.cancel();
      }
      if (i % CANCEL_BATCH == CANCEL_BATCH - 1) {
        loop.yieldNow();
      }
    }
    loop.yieldNow();
  }

  /** Heap in use after two full collections. */
  private long usedAfterGc() {
    memory.gc();
    memory.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static void print(String label, Round r) {
    System.out.printf(
        Locale.ROOT,
        "%s: %,d of %,d tasks asleep at once; heap used after GC %,d bytes before spawning,"
            + " %,d with all asleep; %,d bytes per sleeping task%n",
        label, r.asleep(), r.tasks(), r.usedBefore(), r.usedAsleep(), r.bytesPerTask());
  }

  private static void startWatchdog() {
    // Computed up front: once the heap is exhausted, any allocation could fail and skip the halt.
    String timedOut =
        "FAILED: still running after " + TIME_LIMIT_MINUTES
            + " minutes (the heap is probably too small for the tasks)";
    long deadline = System.nanoTime() + Duration.ofMinutes(TIME_LIMIT_MINUTES).toNanos();
    Thread.ofPlatform()
        .daemon()
        .name("footprint-watchdog")
        .start(
            () -> {
              for (long left; (left = deadline - System.nanoTime()) > 0; ) {
                LockSupport.parkNanos(left);
              }
              try {
                System.out.println(timedOut);
              } finally {
                Runtime.getRuntime().halt(1);
              }
            });
  }
}

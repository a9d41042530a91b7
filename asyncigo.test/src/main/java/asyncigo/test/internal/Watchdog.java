package asyncigo.test.internal;

import asyncigo.api.Loop;
import asyncigo.api.Task;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Cancels a test's main task once the test has run longer than its limit in real time, so that a
 * test awaiting something that never happens fails instead of hanging the build (virtual time
 * cannot help there: with nothing scheduled, the loop waits for I/O or a hand-off for ever).
 *
 * <p>A daemon thread waits for {@link #close()} or the limit; at the limit it hands the loop a
 * callback that records the task dump and cancels the main task. {@link #fired()} is read after
 * the loop's {@code run} returned, which orders it after that callback.
 */
final class Watchdog implements AutoCloseable {
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile String dump;

  private Watchdog() {}

  /** Starts watching {@code main} of {@code loop}; a zero limit watches nothing. */
  static Watchdog start(Loop loop, Task<?> main, Duration limit) {
    Watchdog w = new Watchdog();
    if (!limit.isZero()) {
      Thread.ofPlatform().daemon().name("asyncigo-test-watchdog").start(() -> w.watch(loop, main, limit));
    }
    return w;
  }

  private void watch(Loop loop, Task<?> main, Duration limit) {
    try {
      if (finished.await(limit.toNanos(), TimeUnit.NANOSECONDS)) {
        return;
      }
      loop.callSoonThreadsafe(() -> {
        if (!main.isDone()) {
          dump = loop.dumpTasks();
          main.cancel();
        }
      });
    } catch (InterruptedException | IllegalStateException finishedMeanwhile) {
      // The test ended (and its loop closed) while the limit ran out: nothing to stop.
    }
  }

  /** The task dump taken when the limit cancelled the main task, or null if it never did. */
  String fired() {
    return dump;
  }

  @Override
  public void close() {
    finished.countDown();
  }
}

package asyncigo.loop.core;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debug mode's slow-step detector: warns through slf4j when one step of a task (from a resume to
 * the next suspension) runs longer than the threshold. Inactive (two field reads) otherwise.
 * Loop-confined.
 */
final class SlowStepWatch {
  private static final Logger LOG = LoggerFactory.getLogger("asyncigo.loop.slow");
  private final long thresholdNanos;
  private final boolean enabled;
  private long stepStart;

  SlowStepWatch(boolean enabled, long thresholdNanos) {
    this.enabled = enabled;
    this.thresholdNanos = thresholdNanos;
  }

  void stepStarted() {
    if (enabled) {
      stepStart = System.nanoTime();
    }
  }

  void stepEnded(RealTask<?> task) {
    if (enabled) {
      long took = System.nanoTime() - stepStart;
      if (took > thresholdNanos) {
        LOG.warn(
            "Executing step of task {} took {} ms (threshold {} ms)",
            task.name(),
            took / 1_000_000,
            thresholdNanos / 1_000_000);
      }
    }
  }

  /** Times a callback. */
  void callback(Runnable callback) {
    if (!enabled) {
      callback.run();
      return;
    }
    long start = System.nanoTime();
    try {
      callback.run();
    } finally {
      long took = System.nanoTime() - start;
      if (took > thresholdNanos) {
        LOG.warn("Executing callback {} took {} ms", callback, took / 1_000_000);
      }
    }
  }
}

package asyncigo.loop.core;

import asyncigo.api.LoopMetrics;
import java.time.Duration;
import java.util.Arrays;

/**
 * The lateness of the last {@value LoopMetrics.Lag#MAX_SAMPLES} timers fired, with the loop time
 * each fired at, for {@link LoopMetrics.Lag}: a ring of two arrays, allocated with the first
 * sample. Written on the loop thread; {@link #snapshot} may run on another thread, where it reads
 * a moment-old and possibly mixed state (a sample may pair one timer's time with another's lag),
 * which is all a metrics scraper needs.
 */
final class LagWindow {
  static final Duration WINDOW = Duration.ofSeconds(60);
  private static final int CAPACITY = LoopMetrics.Lag.MAX_SAMPLES;

  private long[] times;
  private long[] lags;
  private long count;

  /** Records that a timer due at {@code now - lateness} was taken up at loop time {@code now}. */
  void record(long now, long lateness) {
    if (times == null) {
      times = new long[CAPACITY];
      lags = new long[CAPACITY];
    }
    int i = (int) (count % CAPACITY);
    times[i] = now;
    lags[i] = lateness;
    count++;
  }

  /** How many samples were ever recorded: the timers fired. */
  long count() {
    return count;
  }

  /** The figures over the samples no older than {@link #WINDOW} at loop time {@code now}. */
  LoopMetrics.Lag snapshot(long now) {
    long[] t = times;
    long[] l = lags;
    int n = t == null || l == null ? 0 : (int) Math.min(count, CAPACITY);
    long[] recent = new long[n];
    int kept = 0;
    long oldest = now - WINDOW.toNanos();
    for (int i = 0; i < n; i++) {
      if (t[i] >= oldest) {
        recent[kept++] = l[i];
      }
    }
    if (kept == 0) {
      return new LoopMetrics.Lag(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, WINDOW);
    }
    long[] sorted = Arrays.copyOf(recent, kept);
    Arrays.sort(sorted);
    return new LoopMetrics.Lag(
        kept,
        Duration.ofNanos(nearestRank(sorted, 50)),
        Duration.ofNanos(nearestRank(sorted, 99)),
        Duration.ofNanos(sorted[kept - 1]),
        WINDOW);
  }

  /** The {@code p}th percentile of {@code sorted} by the nearest-rank method. */
  private static long nearestRank(long[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }
}

package asyncigo.loop.core;

import asyncigo.api.LoopMetrics;

/** Builds {@code Loop.metrics()} from the scheduler's counters; see {@link LoopMetrics}. */
final class MetricsSnapshot {
  private MetricsSnapshot() {}

  /** Any thread: exact on the loop's thread, a racy moment-old reading elsewhere. */
  static LoopMetrics of(Scheduler s) {
    long created = s.tasks.added();
    long finished = s.tasks.removed();
    return new LoopMetrics(
        created,
        finished,
        (int) Math.max(0, created - finished),
        s.readyDepth(),
        s.iterations,
        s.ioEvents,
        s.timers.pending(),
        s.timers.lag.count(),
        s.timers.lag.snapshot(s.clock.now()));
  }
}

package asyncigo.api;

import java.time.Duration;

/**
 * A snapshot of a loop's counters and gauges, from {@link Loop#metrics()}. Counters count from
 * the moment the loop was opened, across every {@code run}. Immutable; thread-safe.
 *
 * @param tasksCreated tasks spawned so far, the main tasks of {@code run} included
 * @param tasksFinished tasks done so far (succeeded, failed or cancelled)
 * @param tasksAlive tasks not done yet: {@code tasksCreated - tasksFinished}
 * @param readyQueueDepth tasks and callbacks ready to run, waiting for their turn
 * @param iterations loop iterations so far (each takes in I/O, timers and thread-safe callbacks,
 *     then runs what was ready when it began, like asyncio's {@code _run_once})
 * @param ioEvents readiness events the poller reported so far (one per ready channel per poll)
 * @param timersPending timers scheduled and neither fired nor cancelled ({@code sleep}s, {@code
 *     callLater}s, timeouts)
 * @param timersFired timers whose callback was queued so far
 * @param lag how late timers fired recently
 * @since 0.1
 */
public record LoopMetrics(
    long tasksCreated,
    long tasksFinished,
    int tasksAlive,
    int readyQueueDepth,
    long iterations,
    long ioEvents,
    int timersPending,
    long timersFired,
    Lag lag) {

  /**
   * Loop lag: how long after its due time the loop took up each timer (because a step or callback
   * ran long, or the loop was busy), over the timers fired within the last {@link #window()} of
   * loop time, {@value #MAX_SAMPLES} at most (the latest). All zero when there is none.
   *
   * @param samples how many timers the figures cover
   * @param p50 the median lateness (nearest rank)
   * @param p99 the 99th percentile lateness (nearest rank)
   * @param max the largest lateness
   * @param window the span of loop time the samples are taken from
   * @since 0.1
   */
  public record Lag(int samples, Duration p50, Duration p99, Duration max, Duration window) {
    /** The most samples a {@code Lag} covers. */
    public static final int MAX_SAMPLES = 1024;
  }
}

package asyncigo.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Options for {@link Loop#open(LoopOptions)}: an immutable value; each {@code with} method returns
 * a copy. Thread-safe.
 *
 * <pre>{@code
 * Loop loop = Loop.open(LoopOptions.defaults().virtualTime(true).debug(true));
 * }</pre>
 *
 * @since 0.1
 */
public final class LoopOptions {
  private static final LoopOptions DEFAULTS =
      new LoopOptions(null, false, false, Duration.ofMillis(100), null);

  private final String poller;
  private final boolean virtualTime;
  private final boolean debug;
  private final Duration slowThreshold;
  private final Consumer<UnhandledFailure> exceptionHandler;

  private LoopOptions(
      String poller,
      boolean virtualTime,
      boolean debug,
      Duration slowThreshold,
      Consumer<UnhandledFailure> exceptionHandler) {
    this.poller = poller;
    this.virtualTime = virtualTime;
    this.debug = debug;
    this.slowThreshold = slowThreshold;
    this.exceptionHandler = exceptionHandler;
  }

  /**
   * The defaults: the best available poller (or the one named by {@code -Dasyncigo.poller}), the
   * monotonic clock, no debug mode, a 100 ms slow-step threshold, failures logged through slf4j.
   *
   * @return the default options
   */
  public static LoopOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Forces the poller with this provider name ({@code "epoll"}, {@code "nio"}); it wins over
   * {@code -Dasyncigo.poller}. Opening the loop fails with the cause if it is not available.
   *
   * @param name the poller provider's name
   * @return a copy with the poller forced
   * @throws NullPointerException if name is null
   */
  public LoopOptions poller(String name) {
    return new LoopOptions(
        Objects.requireNonNull(name, "poller name"), virtualTime, debug, slowThreshold,
        exceptionHandler);
  }

  /**
   * With virtual time the loop clock starts at 0 and, whenever the loop has nothing to do but
   * wait for a timer, jumps straight to that timer instead of waiting. For tests: a sleep of an
   * hour takes microseconds. I/O still happens in real time.
   *
   * @param enabled whether the clock is virtual
   * @return a copy with virtual time on or off
   */
  public LoopOptions virtualTime(boolean enabled) {
    return new LoopOptions(poller, enabled, debug, slowThreshold, exceptionHandler);
  }

  /**
   * Debug mode: record where each task was spawned (shown in {@link Loop#dumpTasks()} and in
   * reports of unhandled failures) and warn through slf4j when one step of a task or one callback
   * runs longer than {@link #slowThreshold(Duration) the threshold}.
   *
   * @param enabled whether debug mode is on
   * @return a copy with debug mode on or off
   */
  public LoopOptions debug(boolean enabled) {
    return new LoopOptions(poller, virtualTime, enabled, slowThreshold, exceptionHandler);
  }

  /**
   * Sets the slow-step threshold for debug mode (default 100 ms).
   *
   * @param threshold how long one step or callback may run before debug mode warns
   * @return a copy with the threshold
   * @throws IllegalArgumentException if threshold is negative
   */
  public LoopOptions slowThreshold(Duration threshold) {
    if (threshold.isNegative()) {
      throw new IllegalArgumentException("slow threshold must not be negative: " + threshold);
    }
    return new LoopOptions(poller, virtualTime, debug, threshold, exceptionHandler);
  }

  /**
   * Where failures nobody else can observe go (default: logged at error level through slf4j,
   * with the task's name). The handler runs on the loop thread; an exception it throws is logged.
   *
   * @param handler receives each unhandled failure
   * @return a copy with the handler
   * @throws NullPointerException if handler is null
   */
  public LoopOptions exceptionHandler(Consumer<UnhandledFailure> handler) {
    return new LoopOptions(
        poller, virtualTime, debug, slowThreshold, Objects.requireNonNull(handler, "handler"));
  }

  /** {@return the forced poller name, or empty to choose the best available} */
  public Optional<String> poller() {
    return Optional.ofNullable(poller);
  }

  /** {@return whether virtual time is on} */
  public boolean virtualTime() {
    return virtualTime;
  }

  /** {@return whether debug mode is on} */
  public boolean debug() {
    return debug;
  }

  /** {@return the slow-step threshold} */
  public Duration slowThreshold() {
    return slowThreshold;
  }

  /** {@return the exception handler, or empty if none was set} */
  public Optional<Consumer<UnhandledFailure>> exceptionHandler() {
    return Optional.ofNullable(exceptionHandler);
  }
}

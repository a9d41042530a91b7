package asyncigo.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Options for {@link LoopGroup#open(LoopGroupOptions)}: an immutable value; each method that sets
 * an option returns a copy. Thread-safe.
 *
 * <pre>{@code
 * LoopGroup group = LoopGroup.open(LoopGroupOptions.defaults()
 *     .loops(4)
 *     .loopOptions(LoopOptions.defaults().poller("epoll"))
 *     .shutdownGrace(Duration.ofSeconds(30))
 *     .exceptionHandler((loop, failure) -> alerts.send(failure)));
 * }</pre>
 */
public final class LoopGroupOptions {
  private static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);

  private final int loops;
  private final LoopOptions loopOptions;
  private final Duration shutdownGrace;
  private final BiConsumer<Loop, UnhandledFailure> exceptionHandler;

  private LoopGroupOptions(
      int loops,
      LoopOptions loopOptions,
      Duration shutdownGrace,
      BiConsumer<Loop, UnhandledFailure> exceptionHandler) {
    this.loops = loops;
    this.loopOptions = loopOptions;
    this.shutdownGrace = shutdownGrace;
    this.exceptionHandler = exceptionHandler;
  }

  /**
   * The defaults: one loop per available processor, {@link LoopOptions#defaults()} for each, a
   * shutdown grace period of 10 seconds, failures logged through slf4j naming their loop.
   *
   * @return the default options
   */
  public static LoopGroupOptions defaults() {
    return new LoopGroupOptions(
        Runtime.getRuntime().availableProcessors(), LoopOptions.defaults(), DEFAULT_GRACE, null);
  }

  /**
   * The number of loops.
   *
   * @param count how many loops
   * @return a copy with that count
   * @throws IllegalArgumentException if below 1
   */
  public LoopGroupOptions loops(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("a loop group needs at least one loop, not " + count);
    }
    return new LoopGroupOptions(count, loopOptions, shutdownGrace, exceptionHandler);
  }

  /**
   * The options every loop is opened with (poller, debug mode, virtual time, ...).
   *
   * @param options each loop's options
   * @return a copy with those options
   * @throws IllegalArgumentException if they set an exception handler: a group has one handler
   *     for all its loops, set with {@link #exceptionHandler}
   */
  public LoopGroupOptions loopOptions(LoopOptions options) {
    Objects.requireNonNull(options, "loop options");
    if (options.exceptionHandler().isPresent()) {
      throw new IllegalArgumentException(
          "the loop options of a group must not set an exception handler: set one for every loop"
              + " with LoopGroupOptions.exceptionHandler");
    }
    return new LoopGroupOptions(loops, options, shutdownGrace, exceptionHandler);
  }

  /**
   * How long {@link LoopGroup#close()} lets connection handlers finish before it cancels them.
   *
   * @param grace the grace period
   * @return a copy with that grace period
   * @throws IllegalArgumentException if negative
   */
  public LoopGroupOptions shutdownGrace(Duration grace) {
    if (grace.isNegative()) {
      throw new IllegalArgumentException("shutdown grace must not be negative: " + grace);
    }
    return new LoopGroupOptions(loops, loopOptions, grace, exceptionHandler);
  }

  /**
   * The one place where the failures of every loop go: what each loop would give its own
   * exception handler ({@link LoopOptions#exceptionHandler}), with the loop it came from, and a
   * loop that stopped on an error. Called on the failing loop's thread, one call at a time for the
   * whole group, so the handler needs no locks; an exception it throws is logged.
   *
   * @param handler receives the failing loop and the failure
   * @return a copy with that handler
   */
  public LoopGroupOptions exceptionHandler(BiConsumer<Loop, UnhandledFailure> handler) {
    return new LoopGroupOptions(
        loops, loopOptions, shutdownGrace, Objects.requireNonNull(handler, "handler"));
  }

  /** {@return the number of loops} */
  public int loops() {
    return loops;
  }

  /** {@return the options of each loop} */
  public LoopOptions loopOptions() {
    return loopOptions;
  }

  /** {@return the shutdown grace period} */
  public Duration shutdownGrace() {
    return shutdownGrace;
  }

  /** {@return the group's exception handler, if one was set} */
  public Optional<BiConsumer<Loop, UnhandledFailure>> exceptionHandler() {
    return Optional.ofNullable(exceptionHandler);
  }
}

package asyncigo.loop.net;

import asyncigo.api.Future;
import asyncigo.api.Handle;
import asyncigo.api.Loop;
import asyncigo.api.Promise;
import asyncigo.api.Task;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * A server's graceful shutdown ({@link asyncigo.api.net.Server#shutdown}) once accepting has
 * stopped: counts the handler tasks that were running down as they end, and at the deadline (a
 * timer of the loop) has the server close the connections still open. {@link #done()} completes
 * when the last handler has ended, with how many connections the deadline closed. A later
 * request moves the deadline only earlier ({@link #tighten}). Loop-confined.
 */
final class GracefulShutdown {
  private final Loop loop;
  private final IntSupplier closeOpen;
  private final Promise<Integer> done;
  private int running;
  private int closedAtDeadline;
  private long deadline;
  private Handle timer;

  private GracefulShutdown(Loop loop, IntSupplier closeOpen) {
    this.loop = loop;
    this.closeOpen = closeOpen;
    this.done = loop.newFuture();
  }

  /**
   * The grace, checked before anything changes.
   *
   * @throws NullPointerException if grace is null
   * @throws IllegalArgumentException if grace is negative
   */
  static Duration checkGrace(Duration grace) {
    Objects.requireNonNull(grace, "grace must not be null");
    if (grace.isNegative()) {
      throw new IllegalArgumentException("shutdown grace must not be negative: " + grace);
    }
    return grace;
  }

  /**
   * Starts waiting for {@code handlers}; when {@code grace} has passed, {@code closeOpen} closes
   * the connections still open and returns how many it closed.
   */
  static GracefulShutdown start(
      Loop loop, Collection<Task<Void>> handlers, Duration grace, IntSupplier closeOpen) {
    GracefulShutdown shutdown = new GracefulShutdown(loop, closeOpen);
    shutdown.running = handlers.size();
    if (handlers.isEmpty()) {
      shutdown.done.complete(0);
      return shutdown;
    }
    for (Task<Void> handler : handlers) {
      handler.whenDone(ended -> shutdown.handlerEnded());
    }
    shutdown.schedule(deadlineAfter(loop, grace));
    return shutdown;
  }

  /** A later request: its deadline counts if it comes sooner. */
  void tighten(Duration grace) {
    long sooner = deadlineAfter(loop, grace);
    if (timer != null && sooner < deadline) {
      timer.cancel();
      schedule(sooner);
    }
  }

  Future<Integer> done() {
    return done;
  }

  private void schedule(long when) {
    deadline = when;
    timer = loop.callAt(when, this::deadlinePassed);
  }

  private void deadlinePassed() {
    timer = null;
    closedAtDeadline = closeOpen.getAsInt();
  }

  private void handlerEnded() {
    if (--running == 0) {
      if (timer != null) {
        timer.cancel();
        timer = null;
      }
      done.complete(closedAtDeadline);
    }
  }

  private static long deadlineAfter(Loop loop, Duration grace) {
    long now = loop.time();
    long nanos;
    try {
      nanos = grace.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
    long sum = now + nanos;
    return sum < now ? Long.MAX_VALUE : sum;
  }
}

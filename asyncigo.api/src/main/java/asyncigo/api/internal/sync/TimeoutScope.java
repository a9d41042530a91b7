package asyncigo.api.internal.sync;

import asyncigo.api.Async;
import asyncigo.api.CancelledException;
import asyncigo.api.Future;
import asyncigo.api.Handle;
import asyncigo.api.Loop;
import asyncigo.api.Task;
import asyncigo.api.UncheckedExecutionException;
import asyncigo.api.WaitMode;
import asyncigo.api.sync.Timeout;
import asyncigo.api.sync.TimeoutExceededException;
import asyncigo.api.sync.TimeoutResult;
import java.time.Duration;
import java.util.Objects;

/** One run of a {@link Timeout} block, and {@link Timeout#waitFor}. */
public final class TimeoutScope implements Timeout {
  /*
   * Implementation overview (asyncio 3.12 timeouts.py, on level-triggered cancellation).
   *
   * States: ENTERED -> EXPIRING (the timer fired and cancelled the task) -> EXPIRED (the block
   * ended), or ENTERED -> EXITED (the block ended first). The timer is a loop callback at the
   * deadline; moving the deadline replaces it, leaving the block cancels it.
   *
   * The scope remembers the task's cancelling() count on entry. When the block ends after
   * expiry, the scope withdraws its own request with uncancel(); only if the count is then back
   * to the entry count was its request the only one, and only then does a CancelledException
   * out of the block become the timeout outcome. Any other pending request (an outside cancel,
   * even one made at the same instant) keeps the CancelledException, and the task stays
   * cancelled. A block that returns after expiry (the request never reached it as an exception,
   * or it caught it) returns its value: the scope withdraws its request all the same, so the
   * count stays balanced and nothing the block was handed is lost.
   */

  private enum State {
    ENTERED,
    EXPIRING,
    EXPIRED,
    EXITED
  }

  private final Loop loop;
  private final Task<?> task;
  private final int cancellingOnEntry;
  private final long start;
  private long deadline;
  private Handle timer;
  private State state = State.ENTERED;
  private CancelledException expiry;

  private TimeoutScope(Task<?> task) {
    this.task = task;
    this.loop = task.loop();
    this.cancellingOnEntry = task.cancelling();
    this.start = loop.time();
  }

  /** Enters a scope in the current task, expiring {@code delay} from now. */
  private static TimeoutScope enter(Duration delay) {
    TimeoutScope scope = new TimeoutScope(Async.currentTask());
    scope.reschedule(delay);
    return scope;
  }

  /** {@link Timeout#failAfter}. */
  public static <T> T failAfter(Duration delay, Timeout.Body<T> body) {
    return failAfter(delay, body, "");
  }

  /** {@link Timeout#failAfter}; {@code awaited} ends the message of the timeout exception. */
  private static <T> T failAfter(Duration delay, Timeout.Body<T> body, String awaited) {
    Objects.requireNonNull(body, "body");
    TimeoutScope scope = enter(delay);
    T result = scope.run(body);
    if (scope.expiry != null) {
      throw new TimeoutExceededException(scope.expiryMessage() + awaited, scope.expiry);
    }
    return result;
  }

  /** {@link Timeout#moveOnAfter}. */
  public static <T> TimeoutResult<T> moveOnAfter(Duration delay, Timeout.Body<T> body) {
    Objects.requireNonNull(body, "body");
    TimeoutScope scope = enter(delay);
    T result = scope.run(body);
    return scope.expiry != null ? TimeoutResult.ofTimeout() : TimeoutResult.ofValue(result);
  }

  /** {@link Timeout#waitFor}. */
  public static <T> T waitFor(Future<T> future, Duration timeout) {
    Objects.requireNonNull(future, "future");
    String awaited = future instanceof Task<?> t ? ", waiting for task " + t.name() : "";
    return failAfter(timeout, scope -> awaitOrCancel(future), awaited);
  }

  /** Awaits {@code future}; when interrupted, cancels it and waits until it has ended. */
  private static <T> T awaitOrCancel(Future<T> future) {
    try {
      return future.await();
    } catch (CancelledException interrupted) {
      if (!future.isDone()) {
        future.cancel();
        Async.shielded(() -> Async.await(WaitMode.ALL_COMPLETED, future));
      }
      if (future.isCancelled()) {
        throw interrupted;
      }
      return future.resultNow();
    }
  }

  /** Runs the block; sets {@link #expiry} instead of returning when the timeout is the outcome. */
  private <T> T run(Timeout.Body<T> body) {
    T result;
    try {
      result = body.run(this);
    } catch (Throwable failure) {
      if (exit() && failure instanceof CancelledException cancelled) {
        expiry = cancelled;
        return null;
      }
      throw UncheckedExecutionException.rethrow(failure);
    }
    exit();
    return result;
  }

  /** Leaves the scope; true if it expired and its own request was the only one pending. */
  private boolean exit() {
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
    if (state == State.EXPIRING) {
      state = State.EXPIRED;
      return task.uncancel() <= cancellingOnEntry;
    }
    state = State.EXITED;
    return false;
  }

  /**
   * {@code "timed out after 2s in task fetch"}: the limit in effect when the scope expired (from
   * entry to the deadline, so a moved deadline counts) and the task whose block was cut short.
   */
  private String expiryMessage() {
    Duration limit = Duration.ofNanos(Math.max(0, deadline - start));
    return "timed out after " + DurationText.of(limit) + " in task " + task.name();
  }

  private void expire() {
    timer = null;
    state = State.EXPIRING;
    task.cancel();
  }

  @Override
  public long deadline() {
    loop.checkLoopThread("Timeout.deadline");
    return deadline;
  }

  @Override
  public void reschedule(Duration delay) {
    loop.checkLoopThread("Timeout.reschedule");
    rescheduleAt(deadlineAfter(delay));
  }

  @Override
  public void rescheduleAt(long deadline) {
    loop.checkLoopThread("Timeout.rescheduleAt");
    switch (state) {
      case ENTERED -> {}
      case EXITED -> throw new IllegalStateException("the timeout's block has ended");
      default -> throw new IllegalStateException("the timeout has expired; it cannot be moved");
    }
    if (timer != null) {
      timer.cancel();
    }
    this.deadline = deadline;
    this.timer = loop.callAt(deadline, this::expire);
  }

  @Override
  public boolean expired() {
    loop.checkLoopThread("Timeout.expired");
    return state == State.EXPIRING || state == State.EXPIRED;
  }

  private long deadlineAfter(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative: " + delay);
    }
    long now = loop.time();
    try {
      return Math.addExact(now, delay.toNanos());
    } catch (ArithmeticException tooFar) {
      return Long.MAX_VALUE;
    }
  }

  @Override
  public String toString() {
    return "Timeout[" + state + ", deadline=" + deadline + "]";
  }
}

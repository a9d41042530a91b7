package asyncigo.api;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The eventual result of an asynchronous operation, awaited by tasks of one loop.
 *
 * <p><b>Obtaining one.</b> {@link Loop#newFuture()}, or any operation that returns one (tasks,
 * {@link Loop#sleep}, {@link Loop#toThread}). To test code that uses futures, run it on a loop
 * opened with {@link LoopOptions#virtualTime(boolean) virtual time}; do not mock futures.
 *
 * <p><b>Completion.</b> The first of {@link #complete}, {@link #fail} and {@link #cancel} wins;
 * later calls return false and change nothing. Completing a future never runs other code inside
 * the completing call: done callbacks and awaiting tasks are resumed through the loop's ready
 * queue, in the order they were registered.
 *
 * <p><b>Threading.</b> Loop-confined: every method must be called on the loop's thread (inside a
 * task or a callback of the loop that created it) and throws {@link IllegalStateException} with a
 * message that says so when called from another thread. To complete a future from another thread
 * hand the call to the loop with {@link Loop#callSoonThreadsafe}; {@link #toCompletableFuture()}
 * gives a view that any thread may read.
 *
 * @param <T> the result type; null results are allowed
 */
public interface Future<T> {

  /** The state of a future. A future leaves {@code PENDING} once and never changes again. */
  enum State {
    /** Not completed yet. */
    PENDING,
    /** Completed with a result. */
    SUCCEEDED,
    /** Completed with an exception. */
    FAILED,
    /** Cancelled. */
    CANCELLED
  }

  /** The loop this future belongs to. Thread-safe. */
  Loop loop();

  /**
   * Suspends the current task until this future is done, then returns its result.
   *
   * <p>An already done future returns at once, without suspending. If the future failed, its
   * exception is rethrown: runtime exceptions and errors as they are, checked ones wrapped in
   * {@link UncheckedExecutionException}.
   *
   * @throws CancelledException if this future was cancelled, or if the current task is cancelled
   *     before or while waiting (the future it waits for is cancelled with it, unless it is a
   *     {@link #shield() shield}). If the future completed before the cancellation reached the
   *     task, its result is returned and the cancellation takes effect at the task's next await:
   *     a delivered result is never lost (a task that returns it before awaiting again ends with
   *     it; see {@link Task}).
   * @throws IllegalStateException if called outside a task of this future's loop, or by a task
   *     on itself (it would wait forever), before any state change. A task of another loop gets
   *     a message that names {@link Loop#submit}, the way to wait for work of another loop.
   */
  T await();

  /** The current state. */
  State state();

  /** Whether the future has completed in any way (result, failure or cancellation). */
  default boolean isDone() {
    return state() != State.PENDING;
  }

  /** Whether the future was cancelled. */
  default boolean isCancelled() {
    return state() == State.CANCELLED;
  }

  /**
   * The result of a future that succeeded.
   *
   * @throws IllegalStateException if the future is pending ("future is still pending")
   * @throws CancelledException if it was cancelled
   * @throws RuntimeException its failure, as {@link #await()} rethrows it
   */
  T resultNow();

  /**
   * The exception of a future that failed.
   *
   * @throws IllegalStateException if the future is pending, succeeded, or was cancelled
   */
  Throwable exceptionNow();

  /**
   * Completes the future with {@code result}. Returns true if this call completed it, false if it
   * was already done.
   */
  boolean complete(T result);

  /**
   * Completes the future with {@code failure}. Returns true if this call completed it, false if
   * it was already done.
   *
   * @throws NullPointerException if failure is null
   */
  boolean fail(Throwable failure);

  /**
   * Cancels the future. Returns true if this call cancelled it, false if it was already done.
   * Tasks awaiting it get {@link CancelledException}.
   */
  boolean cancel();

  /**
   * Registers a callback to run once the future is done, through the loop's ready queue (never
   * inside this call, even when the future is already done). Callbacks run in registration order;
   * an exception from one goes to the loop's exception handler. Returns this future.
   */
  Future<T> whenDone(Consumer<? super Future<T>> callback);

  /**
   * Removes every registration of {@code callback} that has not run yet; returns how many were
   * removed.
   */
  int removeWhenDone(Consumer<? super Future<T>> callback);

  /**
   * A future that mirrors this one but whose cancellation does not reach this one: awaiting the
   * shield from a task that is then cancelled throws in that task, while the operation behind
   * this future goes on. Returns this future itself if it is already done.
   */
  Future<T> shield();

  /**
   * A {@link CompletableFuture} view that completes (on the loop thread) when this future does;
   * any thread may read it. Cancelling the view cancels this future, handed to the loop with
   * {@link Loop#callSoonThreadsafe}. Completing the view in other ways has no effect on this
   * future. Blocking on the view from the loop's own thread deadlocks; await this future instead.
   */
  CompletableFuture<T> toCompletableFuture();
}

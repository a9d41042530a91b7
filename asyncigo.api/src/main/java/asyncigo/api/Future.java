package asyncigo.api;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The eventual result of an asynchronous operation, awaited by tasks of one loop: the read side.
 *
 * <p><b>Obtaining one.</b> Any operation that returns one (tasks, {@link Loop#toThread}, {@link
 * Loop#submit}), or {@link Loop#newFuture()}, which returns the write side, a {@link Promise}.
 * To test code that uses futures, run it on a loop opened with {@link
 * LoopOptions#virtualTime(boolean) virtual time}; do not mock futures.
 *
 * <p><b>Completion.</b> A future is completed by whoever holds its write side: the body of a
 * {@link Task}, the code that holds a {@link Promise}, or the loop for the futures of its own
 * operations. Any holder of the read side may only {@link #cancel} it. The first of a result, a
 * failure and a cancellation wins; later attempts return false and change nothing. Completing a
 * future never runs other code inside the completing call: done callbacks and awaiting tasks are
 * resumed through the loop's ready queue, in the order they were registered.
 *
 * <p><b>Threading.</b> {@link #loop()}, {@link #state()}, {@link #isDone()}, {@link
 * #isCancelled()} and {@link #toCompletableFuture()} are thread-safe: once another thread sees the
 * future done, it sees it the way the loop left it. Every other method is loop-confined: it must
 * be called on the loop's thread (inside a task or a callback of the loop that created it) and,
 * called from another thread, throws {@link IllegalStateException} naming the method and the
 * thread before it changes anything. To complete a promise from another thread hand the call to
 * the loop with {@link Loop#callSoonThreadsafe}; to wait for it on another thread, block on
 * {@link #toCompletableFuture()}.
 *
 * @param <T> the result type; null results are allowed
 * @since 0.1
 */
public interface Future<T> {

  /**
   * The state of a future. A future leaves {@code PENDING} once and never changes again.
   *
   * @since 0.1
   */
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

  /** {@return the loop this future belongs to} Thread-safe. */
  Loop loop();

  /**
   * Suspends the current task until this future is done, then returns its result.
   *
   * <p>An already done future returns at once, without suspending. If the future failed, its
   * exception is rethrown: runtime exceptions and errors as they are, checked ones wrapped in
   * {@link UncheckedExecutionException}.
   *
   * @return the result
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

  /** {@return the current state} Thread-safe. */
  State state();

  /**
   * {@return whether the future has completed in any way (result, failure or cancellation)}
   * Thread-safe.
   */
  default boolean isDone() {
    return state() != State.PENDING;
  }

  /** {@return whether the future was cancelled} Thread-safe. */
  default boolean isCancelled() {
    return state() == State.CANCELLED;
  }

  /**
   * The result of a future that succeeded. Reading it counts as retrieving a failure.
   *
   * @return the result
   * @throws IllegalStateException if the future is pending ("future is still pending")
   * @throws CancelledException if it was cancelled
   * @throws RuntimeException its failure, as {@link #await()} rethrows it
   */
  T resultNow();

  /**
   * The exception of a future that failed; reading it counts as retrieving it.
   *
   * @return the exception
   * @throws IllegalStateException if the future is pending, succeeded, or was cancelled
   */
  Throwable exceptionNow();

  /**
   * Cancels the future. Tasks awaiting it get {@link CancelledException}.
   *
   * @return true if this call cancelled it, false if it was already done
   */
  boolean cancel();

  /**
   * Registers a callback to run once the future is done, through the loop's ready queue (never
   * inside this call, even when the future is already done). Callbacks run in registration order;
   * an exception from one goes to the loop's exception handler.
   *
   * @param callback called with this future once it is done
   * @return this future
   * @throws NullPointerException if callback is null
   */
  Future<T> whenDone(Consumer<? super Future<T>> callback);

  /**
   * Removes every registration of {@code callback} that has not run yet.
   *
   * @param callback the callback given to {@link #whenDone}, compared by identity
   * @return how many registrations were removed
   */
  int removeWhenDone(Consumer<? super Future<T>> callback);

  /**
   * A future that mirrors this one but whose cancellation does not reach this one: awaiting the
   * shield from a task that is then cancelled throws in that task, while the operation behind
   * this future goes on.
   *
   * @return the shield, or this future itself if it is already done
   */
  Future<T> shield();

  /**
   * A {@link CompletableFuture} view of this future. Thread-safe: any thread may call it and
   * every call returns the same view. The view of a future that is already done is complete when
   * it is returned; otherwise it completes on the loop thread when this future does (called from
   * another thread, the registration is handed to the loop with {@link
   * Loop#callSoonThreadsafe}). A failure seen through the view counts as retrieved. Cancelling
   * the view cancels this future, handed to the loop. Completing the view in other ways has no
   * effect on this future. Blocking on the view from the loop's own thread deadlocks; await this
   * future instead.
   *
   * @return the view, the same on every call
   * @throws IllegalStateException if this future is pending and its loop is closed, so that it
   *     can never complete
   */
  CompletableFuture<T> toCompletableFuture();
}

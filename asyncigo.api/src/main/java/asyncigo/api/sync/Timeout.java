package asyncigo.api.sync;

import asyncigo.api.CancelledException;
import asyncigo.api.Future;
import asyncigo.api.Task;
import asyncigo.api.UncheckedExecutionException;
import asyncigo.api.internal.sync.TimeoutScope;
import java.time.Duration;

/**
 * A deadline around a block of the current task (asyncio {@code timeout()}, trio {@code
 * fail_after} and {@code move_on_after}), and the handle the block uses to move it.
 *
 * <pre>{@code
 * String page = Timeout.failAfter(Duration.ofSeconds(5), timeout -> fetch(url));
 * TimeoutResult<String> maybe = Timeout.moveOnAfter(Duration.ofSeconds(5), timeout -> fetch(url));
 * }</pre>
 *
 * <p><b>Expiry.</b> When the deadline passes while the block runs, the scope cancels the current
 * task ({@link Task#cancel()}): the block's current await and every later one throw {@link
 * CancelledException}, and the block's {@code finally} clauses run. When the block has ended, the
 * scope withdraws its own cancellation request ({@link Task#uncancel()}) and, if no other request
 * is pending, turns the cancellation into its timeout outcome: {@link TimeoutExceededException}
 * for {@link #failAfter}, a {@link TimeoutResult#timedOut() timed-out} result for {@link
 * #moveOnAfter}. If the task was also cancelled by someone else, even at the same instant, the
 * {@link CancelledException} propagates: an outside cancellation is never swallowed. A block that
 * catches the cancellation and returns normally returns its result.
 *
 * <p>The deadline is on the loop clock ({@link asyncigo.api.Loop#time()}), so tests on virtual time
 * run instantly. Inside {@link Task#shielded} a timeout cannot interrupt the block (the shield
 * holds back the very cancellation it uses); bound shielded cleanup with {@link Cleanup#shielded}
 * instead. Checked exceptions of the block are wrapped in {@link UncheckedExecutionException}.
 * Loop-confined.
 *
 * @since 0.1
 */
public interface Timeout {

  /**
   * Runs {@code body} in the current task with a deadline {@code delay} from now.
   *
   * @param <T> the body's result type
   * @param delay the time the body may take, on the loop clock
   * @param body the block
   * @return the body's result
   * @throws TimeoutExceededException if the deadline passed and cut the block short
   * @throws CancelledException if the task was cancelled from outside
   * @throws IllegalArgumentException if delay is negative
   * @throws IllegalStateException if called outside a task
   */
  static <T> T failAfter(Duration delay, Body<T> body) {
    return TimeoutScope.failAfter(delay, body);
  }

  /**
   * Like {@link #failAfter}, but an expired deadline gives a result whose {@link
   * TimeoutResult#timedOut()} is true instead of an exception; a block that ends in time gives a
   * result with its {@link TimeoutResult#value() value}, even {@code null}.
   *
   * @param <T> the body's result type
   * @param delay the time the body may take, on the loop clock
   * @param body the block
   * @return the body's value, or the timed-out result
   * @throws CancelledException if the task was cancelled from outside
   * @throws IllegalArgumentException if delay is negative
   * @throws IllegalStateException if called outside a task
   */
  static <T> TimeoutResult<T> moveOnAfter(Duration delay, Body<T> body) {
    return TimeoutScope.moveOnAfter(delay, body);
  }

  /**
   * Awaits {@code future} for at most {@code timeout} (asyncio 3.12 {@code wait_for}). On timeout,
   * or when the current task is cancelled, the future is cancelled and this waits until it is
   * done (a task runs its cleanup first) before throwing. If the future nevertheless ends with a
   * result or a failure, that outcome is returned or thrown.
   *
   * @param <T> the result type
   * @param future the future to await
   * @param timeout the longest wait, on the loop clock
   * @return the future's result
   * @throws TimeoutExceededException if the deadline passed first
   * @throws CancelledException if the task was cancelled from outside, or the future was cancelled
   * @throws IllegalArgumentException if timeout is negative
   */
  static <T> T waitFor(Future<T> future, Duration timeout) {
    return TimeoutScope.waitFor(future, timeout);
  }

  /** {@return the deadline, in loop time nanoseconds ({@link asyncigo.api.Loop#time()})} */
  long deadline();

  /**
   * Moves the deadline to {@code delay} from now; earlier or later than before.
   *
   * @param delay the new time left, on the loop clock
   * @throws IllegalArgumentException if delay is negative
   * @throws IllegalStateException if the deadline has already passed or the block has ended
   */
  void reschedule(Duration delay);

  /**
   * Moves the deadline to loop time {@code deadline}; a time already past expires the scope in
   * the next loop iteration.
   *
   * @param deadline the new deadline, in loop time nanoseconds
   * @throws IllegalStateException if the deadline has already passed or the block has ended
   */
  void rescheduleAt(long deadline);

  /**
   * {@return whether the deadline passed while the block ran (the scope then cancelled the task)}
   */
  boolean expired();

  /**
   * The block of a timeout scope.
   *
   * @param <T> the result type
   * @since 0.1
   */
  @FunctionalInterface
  interface Body<T> {
    /**
     * Runs in the current task; {@code timeout} moves or reads the deadline.
     *
     * @param timeout the scope's handle
     * @return the block's result
     * @throws Exception any failure, thrown by the scope (checked ones wrapped in {@link
     *     UncheckedExecutionException})
     */
    T run(Timeout timeout) throws Exception;
  }
}

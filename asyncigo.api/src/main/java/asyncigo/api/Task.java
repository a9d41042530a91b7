package asyncigo.api;

import java.util.List;
import java.util.Optional;

/**
 * A coroutine running on a loop, and the future of its result.
 *
 * <p><b>Lifecycle.</b> {@link Loop#spawn} creates the task and schedules its first step; the body
 * never starts inside {@code spawn}. The task's result is set when its body exits: the body's
 * return value, its exception, or cancellation. A task's result cannot be set from outside: a
 * task is a {@link Future} (the read side), never a {@link Promise}, so it has no {@code
 * complete} or {@code fail}; only {@link #cancel()} reaches it from outside.
 *
 * <p><b>Cancellation.</b> {@link #cancel()} requests cancellation: the future the task awaits is
 * cancelled (unless it is a shield), and that await, like every later await in the task, throws
 * {@link CancelledException}. The body's {@code finally} blocks run before the task's result
 * settles. A task cancelled before its first step never runs its body.
 *
 * <p><b>Nothing delivered to a task is discarded.</b> A task ends cancelled when a {@link
 * CancelledException} was thrown into its body while a request was pending (even if the body
 * caught it and returned), or when its body threw a cancellation itself. A request that never
 * reached the body as an exception does not discard what the body did: if the future the task
 * awaited had already completed when {@link #cancel()} came (a read's bytes had arrived, a queue
 * item was handed over), that await returns the result, and a body that then returns (or fails)
 * before awaiting again ends with its value (or failure). {@link #cancel()} still returned true
 * and {@link #cancelling()} still counts the request. Withdrawing every request with {@link
 * #uncancel()} also withdraws the cancellations thrown for them.
 *
 * <p><b>Threading.</b> As {@link Future}: {@link #name()}, {@link #creationSite()}, {@link
 * #loop()}, {@link #state()}, {@link #isDone()}, {@link #isCancelled()} and {@link
 * #toCompletableFuture()} are thread-safe; every other method, {@link #awaiting()} and {@link
 * #stack()} included, is loop-confined and, called from another thread, throws {@link
 * IllegalStateException} before it changes anything.
 *
 * @param <T> the result type
 * @since 0.1
 */
public interface Task<T> extends Future<T> {

  /**
   * {@return the task's name, unique within its loop unless the caller gave a duplicate}
   * Thread-safe.
   */
  String name();

  /**
   * Requests cancellation (see the type's documentation). Returns true if the task was not done
   * and has now a pending cancellation request; false if it was already done. Calling it again
   * on a task that is not done adds one more request (see {@link #cancelling()}).
   *
   * <p>True does not promise that the task ends cancelled: it does only if the request is thrown
   * into its body, at the body's next await (or the one it is suspended in, when the future it
   * awaits is still pending). A body that returns before that ends with its value.
   *
   * @return true if the task was not done, false if it was
   */
  @Override
  boolean cancel();

  /** {@return the number of cancellation requests not yet withdrawn with {@link #uncancel()}} */
  int cancelling();

  /**
   * Withdraws one cancellation request and returns the number left. When none are left, awaits in
   * the task work again, and a cancellation thrown for the withdrawn requests no longer makes the
   * task end cancelled. Meant for scopes that turn their own cancellation into another outcome,
   * such as timeouts; the caller is usually the task itself. With no request left it does
   * nothing.
   *
   * @return the number of requests left
   */
  int uncancel();

  /**
   * Runs {@code block} in the current task with cancellation held back: its awaits do not throw
   * because of a cancellation of this task (a cancelled awaited future still throws). A
   * cancellation requested meanwhile takes effect at the first await after the block. Use it for
   * cleanup that must await, such as sending a goodbye message.
   *
   * @param <R> the block's result type
   * @param block the code to run
   * @return the block's result
   * @throws UncheckedExecutionException wrapping a checked exception the block threw (unchecked
   *     ones are thrown as they are)
   * @throws IllegalStateException if this is not the current task
   */
  <R> R shielded(Coroutine<R> block);

  /**
   * {@return the future this task is suspended on, or empty if it is not suspended on one}
   * Loop-confined.
   */
  Optional<Future<?>> awaiting();

  /**
   * The task's suspended stack, innermost frame first; empty while the task has not started or
   * is done. For a running task, the stack at the time of the call. Loop-confined.
   *
   * @return the frames, innermost first
   */
  List<StackTraceElement> stack();

  /**
   * Where the task was spawned, when the loop runs in {@link LoopOptions#debug() debug mode};
   * empty otherwise. Thread-safe.
   *
   * @return the frames of the spawning code, innermost first
   */
  List<StackTraceElement> creationSite();
}

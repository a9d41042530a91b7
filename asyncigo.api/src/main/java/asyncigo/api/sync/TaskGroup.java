package asyncigo.api.sync;

import asyncigo.api.CancelledException;
import asyncigo.api.Coroutine;
import asyncigo.api.Task;
import asyncigo.api.UncheckedExecutionException;
import asyncigo.api.internal.sync.RealTaskGroup;

/**
 * Structured concurrency: a block whose spawned tasks all end before the block does (asyncio
 * {@code TaskGroup}, a trio nursery, Kotlin {@code coroutineScope}).
 *
 * <pre>{@code
 * List<String> pages = TaskGroup.scope(group -> {
 *   Task<String> a = group.spawn(() -> fetch("a"));
 *   Task<String> b = group.spawn(() -> fetch("b"));
 *   return List.of(a.await(), b.await());
 * });
 * }</pre>
 *
 * <p><b>Lifecycle.</b> {@link #scope} runs the body in the calling task, then waits for every task
 * spawned in the group, including tasks that group tasks spawn in it while it waits. Nothing
 * spawned in the group outlives the scope.
 *
 * <p><b>Failure.</b> The first failure other than cancellation, of a group task or of the body,
 * cancels the other tasks and the body (its current await throws {@link CancelledException}).
 * Once every task has ended, the scope throws that first failure, with the later ones attached as
 * {@linkplain Throwable#getSuppressed() suppressed} exceptions. Checked failures are wrapped in
 * {@link UncheckedExecutionException}. A group task that ends cancelled is not a failure.
 *
 * <p><b>Cancellation.</b> {@link #cancel()} cancels the tasks and the body, and the scope then ends
 * quietly (asyncio 3.15 {@code TaskGroup.cancel()}). When the calling task is cancelled from
 * outside, the group cancels its tasks, waits for them, and the scope throws {@link
 * CancelledException}: the cancellation is never swallowed. If a task failed as well, that failure
 * is thrown instead, and the calling task stays cancelled, so its next await throws.
 *
 * <p>Loop-confined. A task that ignores its cancellation keeps the scope waiting.
 *
 * @since 0.1
 */
public interface TaskGroup {

  /**
   * Runs {@code body} with a new group in the current task, waits until every task of the group
   * has ended, and returns the body's result.
   *
   * @param <T> the body's result type
   * @param body the block, run in the current task with the new group
   * @return the body's result; {@code null} if {@link #cancel()} cut the body short
   * @throws CancelledException if the current task was cancelled from outside
   * @throws RuntimeException the first failure of the body or of a group task, as described above
   * @throws IllegalStateException if called outside a task
   */
  static <T> T scope(Body<T> body) {
    return RealTaskGroup.scope(body);
  }

  /**
   * Spawns {@code body} as a task of this group (named {@code task-N}); it starts later, like
   * {@link asyncigo.api.Loop#spawn(Coroutine)}. Any task of the loop may call it.
   *
   * @param <T> the result type
   * @param body the task's body
   * @return the task
   * @throws IllegalStateException if the group is shutting down (after a failure or a
   *     cancellation) or has finished
   */
  <T> Task<T> spawn(Coroutine<T> body);

  /**
   * Like {@link #spawn(Coroutine)}, with the given task name.
   *
   * @param <T> the result type
   * @param name the task's name
   * @param body the task's body
   * @return the task
   * @throws IllegalStateException if the group is shutting down or has finished
   */
  <T> Task<T> spawn(String name, Coroutine<T> body);

  /**
   * Cancels every task of the group and the body; the scope then ends without an exception of its
   * own (a failure of a task is still thrown). Idempotent; does nothing once the scope has ended.
   */
  void cancel();

  /**
   * The block of {@link #scope}.
   *
   * @param <T> the result type
   * @since 0.1
   */
  @FunctionalInterface
  interface Body<T> {
    /**
     * Runs in the task that called {@link #scope}; may await and spawn in {@code group}.
     *
     * @param group the group whose tasks the scope waits for
     * @return the scope's result
     * @throws Exception any failure, which cancels the group (checked ones are wrapped in {@link
     *     UncheckedExecutionException} when the scope throws them)
     */
    T run(TaskGroup group) throws Exception;
  }
}

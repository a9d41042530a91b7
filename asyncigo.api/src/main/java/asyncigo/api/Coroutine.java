package asyncigo.api;

/**
 * The body of a task: code that may {@link Future#await() await} between its statements.
 *
 * <p>A coroutine runs inside a task of a loop, never on its own. It may throw any exception; a
 * checked one becomes the task's failure as it is, and awaiting the task wraps it in {@link
 * UncheckedExecutionException}.
 *
 * @param <T> the result type; use {@code Void} and return {@code null} for no result
 * @since 0.1
 */
@FunctionalInterface
public interface Coroutine<T> {
  /**
   * Runs the body; called once, on the loop, inside the task.
   *
   * @return the task's result
   * @throws Exception any failure, which becomes the task's failure
   */
  T call() throws Exception;
}

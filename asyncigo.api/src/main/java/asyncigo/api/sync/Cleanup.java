package asyncigo.api.sync;

import asyncigo.api.Coroutine;
import asyncigo.api.Task;
import asyncigo.api.UncheckedExecutionException;
import asyncigo.api.internal.sync.BoundedCleanup;
import java.time.Duration;
import java.util.Optional;

/**
 * Cleanup that must await although the task is being cancelled, such as a goodbye message, with a
 * limit on how long it may take (trio's shielded cancel scope with a deadline).
 *
 * <pre>{@code
 * try {
 *   serve(connection);
 * } finally {
 *   Cleanup.shielded(Duration.ofSeconds(1), () -> connection.text(UTF_8).writeLine("bye").await());
 * }
 * }</pre>
 *
 * <p>For cleanup that needs no limit, use {@link Task#shielded} ({@link
 * asyncigo.api.Async#shielded}) directly. Loop-confined.
 *
 * @since 0.1
 */
public final class Cleanup {
  private Cleanup() {}

  /**
   * Runs {@code block} in a new task and waits for it with the current task's cancellation held
   * back (see {@link Task#shielded}); a cancellation of the current task takes effect at its first
   * await after this call. If {@code limit} passes first, the block's task is cancelled and this
   * waits until it has ended.
   *
   * <p>Never throws because of the limit: a cleanup in a {@code finally} clause must not replace
   * the exception on its way out.
   *
   * @param <T> the block's result type
   * @param limit how long the cleanup may take, on the loop clock
   * @param block the cleanup, run in a new task
   * @return the block's result; empty if the limit cut it short, or if it returned null
   * @throws RuntimeException the block's failure (checked ones wrapped in {@link
   *     UncheckedExecutionException})
   * @throws IllegalArgumentException if limit is negative
   * @throws IllegalStateException if called outside a task
   */
  public static <T> Optional<T> shielded(Duration limit, Coroutine<T> block) {
    return BoundedCleanup.run(limit, block);
  }
}

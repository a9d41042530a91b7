package asyncigo.api.sync;

/**
 * Thrown by {@link Timeout#failAfter} and {@link Timeout#waitFor} when the deadline passed before
 * the block or the future finished. Its cause is the {@link asyncigo.api.CancelledException} with
 * which the timeout interrupted the block, so the stack trace shows where the block was waiting.
 *
 * <p>The message names the limit and the task that was cut short: {@code "timed out after 2s in
 * task fetch"}; for {@link Timeout#waitFor} of a task, also the task awaited ({@code "timed out
 * after 500ms in task main, waiting for task fetch"}). The limit is the time from the start of the
 * scope to its deadline, including any {@link Timeout#reschedule move}, written as {@code 2s},
 * {@code 1.5s}, {@code 250ms}, {@code 1m30s}; not the time that actually passed.
 *
 * <p>It is not a cancellation: a task that lets it escape fails (and is reported) rather than
 * ending silently cancelled (the trap of Kotlin's {@code withTimeout}).
 *
 * @since 0.1
 */
public class TimeoutExceededException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with a message and the cancellation that interrupted the block.
   *
   * @param message the limit and the task cut short, as described above
   * @param cause the cancellation that interrupted the block
   */
  public TimeoutExceededException(String message, Throwable cause) {
    super(message, cause);
  }
}

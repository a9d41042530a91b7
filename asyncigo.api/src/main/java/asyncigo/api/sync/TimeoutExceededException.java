package asyncigo.api.sync;

/**
 * Thrown by {@link Timeout#failAfter} and {@link Timeout#waitFor} when the deadline passed before
 * the block or the future finished. Its cause is the {@link asyncigo.api.CancelledException} with
 * which the timeout interrupted the block, so the stack trace shows where the block was waiting.
 *
 * <p>It is not a cancellation: a task that lets it escape fails (and is reported) rather than
 * ending silently cancelled (the trap of Kotlin's {@code withTimeout}).
 */
public class TimeoutExceededException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message and the cancellation that interrupted the block. */
  public TimeoutExceededException(String message, Throwable cause) {
    super(message, cause);
  }
}

package asyncigo.api;

import java.util.concurrent.CancellationException;

/**
 * Thrown by an await when the awaited future was cancelled, or when the awaiting task itself has
 * been cancelled.
 *
 * <p>Cancellation in asyncigo is level-triggered: once a task is cancelled, every await in it
 * throws this exception at once, until the task ends (or leaves the cancellation through
 * {@link Task#uncancel()}, as timeout scopes do). Code that must await during cleanup runs inside
 * {@link Task#shielded(Coroutine)}. Do not swallow this exception: a cancelled task always ends
 * cancelled, whatever its body returns.
 *
 * @since 0.1
 */
public class CancelledException extends CancellationException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with a message saying what was cancelled.
   *
   * @param message what was cancelled, such as {@code "task fetch was cancelled"}
   */
  public CancelledException(String message) {
    super(message);
  }
}

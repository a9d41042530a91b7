package asyncigo.api.sync;

/**
 * Thrown by an {@link AsyncQueue} that has been shut down: by {@code put} and {@code offer}
 * always, by {@code get} and {@code poll} once no item is left for them, and by every wait that
 * the shutdown interrupted (asyncio 3.13 {@code QueueShutDown}).
 *
 * @since 0.1
 */
public class QueueShutDownException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with a message saying which operation met the shutdown.
   *
   * @param message which operation met the shutdown
   */
  public QueueShutDownException(String message) {
    super(message);
  }
}

package asyncigo.api.net;

/**
 * Handles one accepted connection, in its own task; the stream is closed when it returns.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface StreamHandler {
  /**
   * Serves {@code stream}, on the loop, in the connection's task.
   *
   * @param stream the accepted connection
   * @throws Exception any failure: it fails the connection's task and reaches the loop's
   *     exception handler once
   */
  void handle(AsyncStream stream) throws Exception;
}

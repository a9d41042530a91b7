package asyncigo.api.net;

import java.io.IOException;

/**
 * The stream was closed (locally) before or during the operation.
 *
 * @since 0.1
 */
public class StreamClosedException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with a message saying what was interrupted.
   *
   * @param message what was interrupted, such as {@code "stream closed while reading"}
   */
  public StreamClosedException(String message) {
    super(message);
  }
}

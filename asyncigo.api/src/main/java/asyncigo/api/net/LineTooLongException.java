package asyncigo.api.net;

import java.io.IOException;

/**
 * No delimiter came within the stream's line limit. The data stays buffered and readable.
 *
 * @since 0.1
 */
public class LineTooLongException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for a limit of {@code limit} bytes.
   *
   * @param limit the line limit that was reached, in bytes
   */
  public LineTooLongException(int limit) {
    super("no delimiter within the line limit of " + limit + " bytes");
  }
}

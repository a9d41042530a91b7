package asyncigo.api.net;

import java.io.IOException;

/** The stream was closed (locally) before or during the operation. */
public class StreamClosedException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message saying what was interrupted. */
  public StreamClosedException(String message) {
    super(message);
  }
}

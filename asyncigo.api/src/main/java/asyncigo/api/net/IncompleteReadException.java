package asyncigo.api.net;

import java.io.EOFException;

/**
 * The stream ended before {@link AsyncStream#readExactly(int)} got all the bytes it asked for.
 *
 * @since 0.1
 */
public class IncompleteReadException extends EOFException {
  private static final long serialVersionUID = 1L;

  /** The bytes that arrived before end of stream (a copy). */
  private final byte[] partial;

  /** The number of bytes asked for. */
  private final int expected;

  /**
   * Creates the exception with the bytes that did arrive.
   *
   * @param partial the bytes that arrived; copied
   * @param expected the number of bytes asked for
   */
  public IncompleteReadException(byte[] partial, int expected) {
    super(partial.length + " bytes read before end of stream; " + expected + " expected");
    this.partial = partial.clone();
    this.expected = expected;
  }

  /** {@return the bytes that arrived before end of stream (a copy)} */
  public byte[] partial() {
    return partial.clone();
  }

  /** {@return the number of bytes asked for} */
  public int expected() {
    return expected;
  }
}

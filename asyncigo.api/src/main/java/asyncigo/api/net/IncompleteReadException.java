package asyncigo.api.net;

import java.io.EOFException;

/** The stream ended before {@link AsyncStream#readExactly(int)} got all the bytes it asked for. */
public class IncompleteReadException extends EOFException {
  private static final long serialVersionUID = 1L;
  private final byte[] partial;
  private final int expected;

  /** Creates the exception with the bytes that did arrive. */
  public IncompleteReadException(byte[] partial, int expected) {
    super(partial.length + " bytes read before end of stream; " + expected + " expected");
    this.partial = partial.clone();
    this.expected = expected;
  }

  /** The bytes that arrived before end of stream. */
  public byte[] partial() {
    return partial.clone();
  }

  /** The number of bytes asked for. */
  public int expected() {
    return expected;
  }
}

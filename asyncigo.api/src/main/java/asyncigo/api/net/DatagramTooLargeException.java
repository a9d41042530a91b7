package asyncigo.api.net;

import java.io.IOException;

/**
 * The next datagram is larger than the buffer a receive offered it: nothing was received, and the
 * datagram is not lost. It stays pending, whole, so that the next receive with room for it
 * ({@link DatagramEndpoint#receive()}, or {@link DatagramEndpoint#receiveInto} with a larger
 * buffer) returns it. A datagram is never truncated.
 *
 * @since 0.1
 */
public class DatagramTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;

  /** The pending datagram's payload size in bytes. */
  private final int size;

  /** The room the refused buffer had, in bytes. */
  private final int room;

  /**
   * Creates the exception; the message names both sizes.
   *
   * @param size the datagram's payload size in bytes
   * @param room the bytes the buffer had room for
   */
  public DatagramTooLargeException(int size, int room) {
    super("a datagram of " + size + " bytes does not fit in a buffer with room for " + room
        + " bytes; it stays pending for a receive with more room");
    this.size = size;
    this.room = room;
  }

  /** {@return the pending datagram's payload size in bytes} */
  public int size() {
    return size;
  }

  /** {@return the room the refused buffer had, in bytes} */
  public int room() {
    return room;
  }
}

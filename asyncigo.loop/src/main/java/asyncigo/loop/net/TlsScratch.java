package asyncigo.loop.net;

import java.nio.ByteBuffer;

/**
 * The two direct buffers every TLS stream of a loop shares, allocated when the first one needs
 * them: ciphertext lands in {@link #input} on its way from the socket to the engine, and the
 * engine wraps into {@link #output} on its way to the socket. A TLS stream fills one and empties
 * it without awaiting in between, copying only a remainder it must keep (a partial record, what
 * the kernel refused) to a buffer of its own; only one task or callback of a loop runs at a time,
 * so one pair serves every TLS stream of the loop, and an idle TLS stream holds no buffer.
 * Loop-confined.
 */
final class TlsScratch {
  /** The most one socket read takes: the plaintext scratch's size. */
  private static final int READ_BYTES = 64 * 1024;
  /** Records wrapped per socket write: four full records carry 64 KiB of plaintext. */
  private static final int RECORDS_PER_WRITE = 4;

  private ByteBuffer input;
  private ByteBuffer output;

  /** The cleared input buffer, with room for at least two records of {@code packetSize}. */
  ByteBuffer input(int packetSize) {
    int capacity = Math.max(READ_BYTES, 2 * packetSize);
    if (input == null || input.capacity() < capacity) {
      input = ByteBuffer.allocateDirect(capacity);
    }
    return input.clear();
  }

  /** The cleared output buffer, with room for several records of {@code packetSize}. */
  ByteBuffer output(int packetSize) {
    int capacity = RECORDS_PER_WRITE * packetSize;
    if (output == null || output.capacity() < capacity) {
      output = ByteBuffer.allocateDirect(capacity);
    }
    return output.clear();
  }
}

package asyncigo.loop.net;

import java.nio.ByteBuffer;

/** Reading TLS record headers. Thread-safe (stateless). */
final class TlsRecords {
  /** A record's header: content type, version (2 bytes), length (2 bytes). */
  private static final int HEADER_BYTES = 5;

  private TlsRecords() {}

  /** Whether {@code bytes} (read mode) starts with a whole record. */
  static boolean whole(ByteBuffer bytes) {
    int remaining = bytes.remaining();
    if (remaining < HEADER_BYTES) {
      return false;
    }
    int at = bytes.position();
    int length = (bytes.get(at + 3) & 0xff) << 8 | bytes.get(at + 4) & 0xff;
    return remaining >= HEADER_BYTES + length;
  }
}

package asyncigo.tck;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;

/**
 * The data sets every transport must carry byte for byte (issue 3's matrix). Generated from fixed
 * seeds, so every run sends the same bytes.
 *
 * @since 0.1
 */
public enum TransportData {
  /**
   * About 59 KB of printable text in 200 lines of 1 to 950 bytes; the last line has no
   * {@code '\n'}.
   */
  TEXT_LINES(text()),
  /** About 59 KB of printable text without a single {@code '\n'}. */
  NO_NEWLINE(noNewline()),
  /** Nothing at all. */
  EMPTY(new byte[0]),
  /** 14 newlines and nothing else. */
  NEWLINES_ONLY(newlines());

  private final byte[] bytes;

  TransportData(byte[] bytes) {
    this.bytes = bytes;
  }

  /** {@return a copy of the data} */
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public String toString() {
    return name() + " (" + bytes.length + " bytes)";
  }

  private static byte[] text() {
    Random random = new Random(59);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int lines = 200;
    for (int i = 0; i < lines; i++) {
      int length = i % 25 == 7 ? 950 : 1 + random.nextInt(540);
      for (int j = 0; j < length - 1; j++) {
        out.write(printable(random));
      }
      out.write(i < lines - 1 ? '\n' : '.');
    }
    return out.toByteArray();
  }

  private static byte[] noNewline() {
    Random random = new Random(60);
    byte[] bytes = new byte[59_000];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) printable(random);
    }
    return bytes;
  }

  private static byte[] newlines() {
    byte[] bytes = new byte[14];
    Arrays.fill(bytes, (byte) '\n');
    return bytes;
  }

  private static int printable(Random random) {
    return ' ' + random.nextInt('~' - ' ' + 1);
  }
}

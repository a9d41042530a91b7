package asyncigo.loop.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InputBufferTest {

  private static ByteBuffer text(String s) {
    return ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII));
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.US_ASCII);
  }

  @Test
  void bytesComeOutInTheOrderTheyWentIn() {
    InputBuffer buffer = new InputBuffer();
    buffer.append(text("hello "));
    buffer.append(text("world"));
    assertEquals(11, buffer.size());
    assertEquals("hel", text(buffer.take(3)));
    assertEquals("lo world", text(buffer.takeAll()));
    assertTrue(buffer.isEmpty());
  }

  @Test
  void indexOfSearchesOnlyTheUnreadBytesInTheWindow() {
    InputBuffer buffer = new InputBuffer();
    buffer.append(text("a\nbc\nd"));
    buffer.take(2);
    assertEquals(2, buffer.indexOf((byte) '\n', 0, 10));
    assertEquals(-1, buffer.indexOf((byte) '\n', 0, 2));
    assertEquals(-1, buffer.indexOf((byte) '\n', 3, 10));
  }

  @Test
  void growingAndCompactingKeepEveryByte() {
    InputBuffer buffer = new InputBuffer();
    byte[] expected = new byte[100_000];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = (byte) i;
    }
    ByteBuffer source = ByteBuffer.wrap(expected);
    ByteBuffer out = ByteBuffer.allocate(expected.length);
    while (source.hasRemaining()) {
      int n = Math.min(source.remaining(), 777);
      buffer.append(source.slice(source.position(), n));
      source.position(source.position() + n);
      out.put(buffer.take(Math.min(buffer.size(), 500)));
    }
    out.put(buffer.takeAll());
    assertArrayEquals(expected, out.array());
  }

  @Test
  void unreadPutsBytesBackInFront() {
    InputBuffer buffer = new InputBuffer();
    buffer.append(text("abcdef"));
    byte[] taken = buffer.take(4);
    buffer.unread(taken);
    assertEquals("abcdef", text(buffer.takeAll()));
    buffer.append(text("xy"));
    buffer.unread("a-long-prefix-".getBytes(StandardCharsets.US_ASCII));
    assertEquals("a-long-prefix-xy", text(buffer.takeAll()));
  }
}

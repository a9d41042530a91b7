package asyncigo.loop.net;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The bytes a stream has received but nobody has read yet: a growable array holding the unread
 * bytes in {@code [start, end)}. Appending moves the unread bytes to the front before it grows
 * the array, so the array only grows when the unread bytes need it. Not thread-safe; used by the
 * one task reading the stream.
 */
final class InputBuffer {
  private static final byte[] EMPTY = new byte[0];
  private static final int MIN_CAPACITY = 1024;

  private byte[] bytes = EMPTY;
  private int start;
  private int end;

  /** The number of unread bytes. */
  int size() {
    return end - start;
  }

  /** Whether no byte is unread. */
  boolean isEmpty() {
    return start == end;
  }

  /**
   * The offset (from the first unread byte) of the first {@code value} at or after offset {@code
   * from} and before offset {@code to}, or -1.
   */
  int indexOf(byte value, int from, int to) {
    int limit = start + Math.min(to, size());
    for (int i = start + from; i < limit; i++) {
      if (bytes[i] == value) {
        return i - start;
      }
    }
    return -1;
  }

  /** Appends the remaining bytes of {@code src}, consuming them. */
  void append(ByteBuffer src) {
    int n = src.remaining();
    ensureRoom(n);
    src.get(bytes, end, n);
    end += n;
  }

  /** Puts {@code data} back in front of the unread bytes, as if it had not been taken. */
  void unread(byte[] data) {
    int n = data.length;
    if (start < n) {
      int unread = size();
      byte[] moved = new byte[Math.max(MIN_CAPACITY, n + unread)];
      System.arraycopy(bytes, start, moved, n, unread);
      bytes = moved;
      start = n;
      end = n + unread;
    }
    start -= n;
    System.arraycopy(data, 0, bytes, start, n);
  }

  /** Removes and returns the first {@code n} unread bytes ({@code n <= size()}). */
  byte[] take(int n) {
    byte[] out = Arrays.copyOfRange(bytes, start, start + n);
    start += n;
    if (start == end) {
      start = 0;
      end = 0;
    }
    return out;
  }

  /** Moves as many unread bytes as fit into {@code dst}; returns how many. */
  int takeInto(ByteBuffer dst) {
    int n = Math.min(dst.remaining(), size());
    dst.put(bytes, start, n);
    start += n;
    if (start == end) {
      start = 0;
      end = 0;
    }
    return n;
  }

  /** Removes and returns every unread byte. */
  byte[] takeAll() {
    return take(size());
  }

  /** Drops every unread byte and releases the array. */
  void clear() {
    bytes = EMPTY;
    start = 0;
    end = 0;
  }

  private void ensureRoom(int n) {
    if (bytes.length - end >= n) {
      return;
    }
    int unread = size();
    int needed = unread + n;
    if (needed <= bytes.length) {
      System.arraycopy(bytes, start, bytes, 0, unread);
    } else {
      int capacity = Math.max(MIN_CAPACITY, bytes.length);
      while (capacity < needed) {
        capacity = capacity > Integer.MAX_VALUE / 2 ? needed : capacity * 2;
      }
      byte[] grown = new byte[capacity];
      System.arraycopy(bytes, start, grown, 0, unread);
      bytes = grown;
    }
    start = 0;
    end = unread;
  }
}

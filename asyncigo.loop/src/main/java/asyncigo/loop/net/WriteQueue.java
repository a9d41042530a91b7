package asyncigo.loop.net;

import asyncigo.api.Future;
import asyncigo.api.spi.PollStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * The output a stream could not hand to the kernel yet: a FIFO of writes, each a buffer of the
 * bytes still to send and the future to complete once its last byte went out. An empty buffer is
 * a marker that completes when everything queued before it is sent ({@code flush}). {@code
 * pending} is the sum of the remaining bytes of all entries. Loop-confined.
 */
final class WriteQueue {
  /**
   * The most bytes offered to the kernel in one write call: a heap buffer is copied into a
   * temporary direct buffer per call, so offering a whole megabyte when the socket takes a part
   * would copy the rest again and again.
   */
  private static final int WRITE_WINDOW = 128 * 1024;

  private static final ByteBuffer MARKER = ByteBuffer.allocate(0);

  private record Entry(ByteBuffer bytes, Future<Void> written) {}

  private final ArrayDeque<Entry> entries = new ArrayDeque<>();
  private long pending;

  boolean isEmpty() {
    return entries.isEmpty();
  }

  /** The bytes queued and not yet sent. */
  long pending() {
    return pending;
  }

  /** Queues {@code bytes} (the queue owns the buffer from now on). */
  void add(ByteBuffer bytes, Future<Void> written) {
    entries.add(new Entry(bytes, written));
    pending += bytes.remaining();
  }

  /** Queues a marker that completes {@code flushed} once everything queued before it is sent. */
  void addMarker(Future<Void> flushed) {
    entries.add(new Entry(MARKER, flushed));
  }

  /**
   * Sends as much as the channel takes now, completing the futures of the entries that went out
   * whole; returns true once the queue is empty.
   *
   * @throws IOException if the channel fails; the entries stay queued
   */
  boolean sendTo(PollStream channel) throws IOException {
    Entry head;
    while ((head = entries.peek()) != null) {
      ByteBuffer bytes = head.bytes();
      if (bytes.hasRemaining()) {
        int before = bytes.remaining();
        send(channel, bytes);
        pending -= before - bytes.remaining();
        if (bytes.hasRemaining()) {
          return false;
        }
      }
      entries.poll();
      head.written().complete(null);
    }
    return true;
  }

  /** Fails every queued entry with {@code failure} and empties the queue. */
  void failAll(IOException failure) {
    Entry e;
    while ((e = entries.poll()) != null) {
      e.written().fail(failure);
    }
    pending = 0;
  }

  /**
   * Writes from {@code bytes} until the channel takes less than it is offered or nothing is left,
   * at most {@link #WRITE_WINDOW} bytes per call.
   */
  static void send(PollStream channel, ByteBuffer bytes) throws IOException {
    int end = bytes.limit();
    try {
      while (bytes.position() < end) {
        int offered = Math.min(end - bytes.position(), WRITE_WINDOW);
        bytes.limit(bytes.position() + offered);
        if (channel.write(bytes) < offered) {
          return;
        }
      }
    } finally {
      bytes.limit(end);
    }
  }
}

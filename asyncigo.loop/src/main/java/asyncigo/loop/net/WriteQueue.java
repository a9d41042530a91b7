package asyncigo.loop.net;

import asyncigo.api.Promise;
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
  private static final ByteBuffer MARKER = ByteBuffer.allocate(0);

  private record Entry(ByteBuffer bytes, Promise<Void> written) {}

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
  void add(ByteBuffer bytes, Promise<Void> written) {
    entries.add(new Entry(bytes, written));
    pending += bytes.remaining();
  }

  /** Queues a marker that completes {@code flushed} once everything queued before it is sent. */
  void addMarker(Promise<Void> flushed) {
    entries.add(new Entry(MARKER, flushed));
  }

  /**
   * Sends as much as the transport takes now, completing the futures of the entries that went out
   * whole (an entry is out once the transport holds none of its bytes back); returns true once the
   * queue is empty.
   *
   * @throws IOException if the transport fails; the entries stay queued
   */
  boolean sendTo(StreamTransport transport, ByteBuffer scratch) throws IOException {
    Entry head;
    while ((head = entries.peek()) != null) {
      ByteBuffer bytes = head.bytes();
      if (bytes.hasRemaining()) {
        int before = bytes.remaining();
        send(transport, bytes, scratch);
        pending -= before - bytes.remaining();
        if (bytes.hasRemaining()) {
          return false;
        }
      }
      if (!transport.sendHeld()) {
        return false;
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
   * Writes from the heap buffer {@code bytes} until the transport takes less than it is offered or
   * nothing is left, copying at most a scratch buffer's worth per system call (so a megabyte is
   * never copied when the socket takes a part of it); advances {@code bytes} past what was sent.
   */
  static void send(StreamTransport transport, ByteBuffer bytes, ByteBuffer scratch)
      throws IOException {
    while (bytes.hasRemaining()) {
      int offered = Math.min(bytes.remaining(), scratch.capacity());
      scratch.clear().put(bytes.array(), bytes.arrayOffset() + bytes.position(), offered).flip();
      int sent = transport.write(scratch);
      bytes.position(bytes.position() + sent);
      if (sent < offered) {
        return;
      }
    }
  }
}

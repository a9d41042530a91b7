package asyncigo.loop.net;

import asyncigo.api.net.IncompleteReadException;
import asyncigo.api.net.LineTooLongException;
import asyncigo.api.net.StreamClosedException;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The reading half of a {@link ChannelStream}.
 *
 * <p>Every read operation loops over "answer from the {@link InputBuffer}, else fill it once":
 * a fill tries {@link StreamTransport#read} into the loop's shared scratch buffer and appends what
 * came to the input buffer before doing anything else; only when the transport has nothing does
 * it await {@link StreamTransport#readable()}. Bytes leave the input buffer only when an
 * operation returns, so a read cancelled while it waits loses nothing. {@link #read(int)} and
 * {@link #readUntil} with an empty buffer skip the input buffer: they scan the (direct) scratch
 * buffer and copy what they return straight from it, the one copy after the kernel's, buffering
 * only the bytes after it.
 *
 * <p>One exception to "try first": after a read that did not fill the scratch buffer ({@code
 * drained}) the next fill awaits readiness first, which saves a system call that would almost
 * always find nothing in request/response traffic (the poller is level-triggered, so data that is
 * already there is reported at once).
 *
 * <p>Invariants: {@code eof} is set once the channel reported end of stream and never cleared;
 * {@code reading} is true while an operation runs (it may be suspended), and a second operation
 * meanwhile fails with {@link IllegalStateException}. Loop-confined.
 */
final class StreamInput {
  static final int DEFAULT_LINE_LIMIT = 64 * 1024;

  private final StreamContext context;
  private StreamTransport transport;
  private final InputBuffer buffer = new InputBuffer();
  private int lineLimit = DEFAULT_LINE_LIMIT;
  private boolean eof;
  private boolean drained;
  private boolean reading;
  private boolean closed;

  StreamInput(StreamContext context, StreamTransport transport) {
    this.context = context;
    this.transport = transport;
  }

  byte[] readUntil(byte delimiter) throws IOException {
    begin();
    try {
      if (buffer.isEmpty()) {
        ByteBuffer bytes = readOnce();
        if (bytes == null) {
          return null;
        }
        int at = indexOf(bytes, delimiter, Math.min(bytes.remaining(), lineLimit));
        if (at >= 0) {
          byte[] line = new byte[at + 1];
          bytes.get(line);
          if (bytes.hasRemaining()) {
            buffer.append(bytes);
          }
          return line;
        }
        buffer.append(bytes);
      }
      int scanned = 0;
      while (true) {
        int window = Math.min(buffer.size(), lineLimit);
        int at = buffer.indexOf(delimiter, scanned, window);
        if (at >= 0) {
          return buffer.take(at + 1);
        }
        if (buffer.size() >= lineLimit) {
          throw new LineTooLongException(lineLimit);
        }
        scanned = window;
        if (!fill()) {
          return buffer.isEmpty() ? null : buffer.takeAll();
        }
      }
    } finally {
      reading = false;
    }
  }

  byte[] readExactly(int n) throws IOException {
    requireNotNegative(n);
    begin();
    try {
      while (buffer.size() < n) {
        if (!fill()) {
          throw new IncompleteReadException(buffer.takeAll(), n);
        }
      }
      return buffer.take(n);
    } finally {
      reading = false;
    }
  }

  byte[] readChunk(int n) throws IOException {
    requirePositive(n, "chunk size");
    begin();
    try {
      while (buffer.size() < n && fill()) {
        // fill until a whole chunk is buffered or the stream ends
      }
      return buffer.isEmpty() ? null : buffer.take(Math.min(n, buffer.size()));
    } finally {
      reading = false;
    }
  }

  byte[] read(int max) throws IOException {
    requirePositive(max, "max");
    begin();
    try {
      if (!buffer.isEmpty()) {
        return buffer.take(Math.min(max, buffer.size()));
      }
      ByteBuffer bytes = readOnce();
      if (bytes == null) {
        return null;
      }
      byte[] out = new byte[Math.min(bytes.remaining(), max)];
      bytes.get(out);
      if (bytes.hasRemaining()) {
        buffer.append(bytes);
      }
      return out;
    } finally {
      reading = false;
    }
  }

  int read(ByteBuffer dst) throws IOException {
    if (!dst.hasRemaining()) {
      throw new IllegalArgumentException("dst has no room left: " + dst);
    }
    begin();
    try {
      if (!buffer.isEmpty()) {
        return buffer.takeInto(dst);
      }
      while (!eof) {
        if (drained) {
          drained = false;
          awaitReadable();
        }
        int n = transport.read(dst);
        if (n > 0) {
          drained = dst.hasRemaining();
          return n;
        }
        if (n < 0) {
          eof = true;
        } else {
          awaitReadable();
        }
      }
      return -1;
    } finally {
      reading = false;
    }
  }

  byte[] readAll() throws IOException {
    begin();
    try {
      while (fill()) {
        // fill until end of stream
      }
      return buffer.takeAll();
    } finally {
      reading = false;
    }
  }

  /** Puts an element an iterator fetched but did not hand out back in front of the input. */
  void unread(byte[] data) {
    if (!closed) {
      buffer.unread(data);
    }
  }

  int lineLimit() {
    return lineLimit;
  }

  void lineLimit(int bytes) {
    requirePositive(bytes, "line limit");
    lineLimit = bytes;
  }

  /** Whether a read operation is running (it may be suspended). */
  boolean isReading() {
    return reading;
  }

  /**
   * Reads through {@code next} from now on (STARTTLS) and returns the bytes buffered so far,
   * which belong to it: the peer may have sent the first TLS records right behind the last
   * plaintext line. Call only while no read runs.
   */
  byte[] switchTo(StreamTransport next) {
    transport = next;
    drained = false;
    return buffer.takeAll();
  }

  /** Drops the buffered input; later reads fail. A waiting reader is woken by the stream. */
  void close() {
    closed = true;
    buffer.clear();
  }

  private void begin() throws StreamClosedException {
    if (closed) {
      throw new StreamClosedException("stream is closed");
    }
    if (reading) {
      throw new IllegalStateException("another task is already reading this stream");
    }
    reading = true;
  }

  /**
   * Appends at least one byte from the channel to the buffer, awaiting readiness as long as the
   * channel has none; returns false, appending nothing, at end of stream.
   */
  private boolean fill() throws IOException {
    ByteBuffer bytes = readOnce();
    if (bytes == null) {
      return false;
    }
    buffer.append(bytes);
    return true;
  }

  /**
   * Reads at least one byte from the channel into the scratch buffer, awaiting readiness as long
   * as the channel has none: returns the scratch buffer flipped (the bytes must be taken or
   * buffered before the next await), or null at end of stream.
   */
  private ByteBuffer readOnce() throws IOException {
    while (!eof) {
      ByteBuffer scratch = readyScratch();
      int n = transport.read(scratch);
      if (n > 0) {
        drained = n < scratch.capacity();
        return scratch.flip();
      }
      if (n < 0) {
        eof = true;
      } else {
        awaitReadable();
      }
    }
    return null;
  }

  /** The index of the first {@code value} among the first {@code window} bytes of {@code bytes}. */
  private static int indexOf(ByteBuffer bytes, byte value, int window) {
    int start = bytes.position();
    for (int i = 0; i < window; i++) {
      if (bytes.get(start + i) == value) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The cleared scratch buffer, once the channel is worth reading: after a read that did not fill
   * the scratch buffer the channel is most likely empty, so readiness is awaited first instead of
   * spending a system call to learn that.
   */
  private ByteBuffer readyScratch() throws IOException {
    if (drained) {
      drained = false;
      awaitReadable();
    }
    return context.readScratch().clear();
  }

  private void awaitReadable() throws IOException {
    transport.awaitReadable();
    if (closed) {
      throw new StreamClosedException("stream closed while reading");
    }
  }

  private static void requireNotNegative(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("byte count must not be negative: " + n);
    }
  }

  private static void requirePositive(int n, String what) {
    if (n <= 0) {
      throw new IllegalArgumentException(what + " must be positive: " + n);
    }
  }
}

package asyncigo.bench;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The neutral load client of the echo benchmark, the same for every server: one platform thread
 * with one {@link Selector} over N non-blocking connections (TCP_NODELAY on). Each connection
 * plays ping-pong: write the message, read the echo back in full, check it byte for byte, repeat.
 * Round trips completed during the warm-up are not counted.
 *
 * <p>It is kept lean, since on a small machine it competes with the server for the cores: direct
 * buffers, no per-round-trip allocation, write interest only while a write is incomplete, and
 * {@link Selector#select(java.util.function.Consumer, long)} (no selected-key set).
 */
final class PingPongClient {
  /** With no round trip at all for this long, the server is declared stalled. */
  private static final Duration STALL_LIMIT = Duration.ofSeconds(5);
  private static final long SELECT_TIMEOUT_MILLIS = 100;

  private final ByteBuffer message;
  private long completed;

  /** Round trips counted over the measured interval. */
  record Result(long roundTrips, long nanos) {
    double perSecond() {
      return roundTrips * 1e9 / nanos;
    }
  }

  /** One connection: its channel and its progress through the current round trip. */
  private static final class Connection {
    final SocketChannel channel;
    final ByteBuffer out;
    final ByteBuffer in;
    SelectionKey key;

    Connection(SocketChannel channel, ByteBuffer message) {
      this.channel = channel;
      this.out = message.duplicate();
      this.in = ByteBuffer.allocateDirect(message.capacity());
    }
  }

  private PingPongClient(ByteBuffer message) {
    this.message = message;
  }

  /**
   * Opens {@code connections} connections to {@code server}, plays ping-pong with {@code message}
   * for {@code warmup} then {@code measured}, closes them and returns what was counted.
   *
   * @throws IOException if a connection fails, the server closes one, an echo differs from the
   *     message, or no round trip completes for {@link #STALL_LIMIT}
   */
  static Result run(
      InetSocketAddress server, int connections, ByteBuffer message, Duration warmup,
      Duration measured) throws IOException {
    return new PingPongClient(message).play(server, connections, warmup, measured);
  }

  private Result play(InetSocketAddress server, int count, Duration warmup, Duration measured)
      throws IOException {
    List<Connection> connections = new ArrayList<>(count);
    try (Selector selector = Selector.open()) {
      try {
        for (int i = 0; i < count; i++) {
          SocketChannel channel = SocketChannel.open(server);
          Connection c = new Connection(channel, message);
          connections.add(c);
          channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
          channel.configureBlocking(false);
          c.key = channel.register(selector, SelectionKey.OP_READ, c);
        }
        for (Connection c : connections) {
          send(c);
        }
        return measure(selector, warmup, measured);
      } catch (UncheckedIOException e) {
        throw e.getCause();
      } finally {
        for (Connection c : connections) {
          c.channel.close();
        }
      }
    }
  }

  private Result measure(Selector selector, Duration warmup, Duration measured)
      throws IOException {
    long now = System.nanoTime();
    long measureFrom = now + warmup.toNanos();
    long lastProgress = now;
    long completedBefore = -1;
    long measuredFrom = 0;
    for (; ; ) {
      long before = completed;
      selector.select(this::handle, SELECT_TIMEOUT_MILLIS);
      now = System.nanoTime();
      if (completed != before) {
        lastProgress = now;
      } else if (now - lastProgress > STALL_LIMIT.toNanos()) {
        throw new IOException("stalled: no echo came back for " + STALL_LIMIT.toSeconds() + " s");
      }
      if (completedBefore < 0) {
        if (now >= measureFrom) {
          completedBefore = completed;
          measuredFrom = now;
        }
      } else if (now - measuredFrom >= measured.toNanos()) {
        return new Result(completed - completedBefore, now - measuredFrom);
      }
    }
  }

  private void handle(SelectionKey key) {
    Connection c = (Connection) key.attachment();
    try {
      if (key.isWritable()) {
        c.channel.write(c.out);
        if (!c.out.hasRemaining()) {
          key.interestOps(SelectionKey.OP_READ);
        }
      }
      if (key.isReadable()) {
        if (c.channel.read(c.in) < 0) {
          throw new EOFException("the server closed a connection");
        }
        if (!c.in.hasRemaining()) {
          c.in.flip();
          if (c.in.mismatch(message) >= 0) {
            throw new IOException("the echo differs from the message sent");
          }
          c.in.clear();
          completed++;
          send(c);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts the next round trip of {@code c}: writes the message, or as much as fits. */
  private void send(Connection c) throws IOException {
    c.out.rewind();
    c.channel.write(c.out);
    if (c.out.hasRemaining()) {
      c.key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
    }
  }
}

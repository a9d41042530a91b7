package asyncigo.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
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
 * Round trips completed during the warm-up are not counted. Besides the rate it reports the CPU
 * time the in-process server spent per round trip, a figure that other load on the machine
 * disturbs much less than the rate.
 *
 * <p>It is kept lean, since on a small machine it competes with the server for the cores: direct
 * buffers, no per-round-trip allocation, write interest only while a write is incomplete, and
 * {@link Selector#select(java.util.function.Consumer, long)} (no selected-key set).
 */
final class PingPongClient {
  /** With no round trip at all for this long, the server is declared stalled. */
  private static final Duration STALL_LIMIT = Duration.ofSeconds(5);
  private static final long SELECT_TIMEOUT_MILLIS = 100;
  private static final OperatingSystemMXBean PROCESS =
      ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);

  private final ByteBuffer message;
  private long completed;

  /**
   * Round trips counted over the measured interval, its length, the CPU time the client thread
   * used meanwhile, and the CPU time the server used: the process's CPU time less the client
   * thread's (so GC and JIT threads count).
   */
  record Result(long roundTrips, long nanos, long clientCpuNanos, long serverCpuNanos) {
    double perSecond() {
      return roundTrips * 1e9 / nanos;
    }

    double serverCpuMicrosPerRoundTrip() {
      return serverCpuNanos / 1e3 / roundTrips;
    }

    /** The share of the interval the client thread was on a CPU: near 1, the client limits. */
    double clientBusy() {
      return (double) clientCpuNanos / nanos;
    }
  }

  /** CPU time so far of the whole process and of the calling (client) thread. */
  private record CpuTimes(long process, long client) {
    static CpuTimes now() {
      return new CpuTimes(
          PROCESS.getProcessCpuTime(), ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
    }

    long clientSince(CpuTimes start) {
      return client - start.client;
    }

    long serverSince(CpuTimes start) {
      return process - start.process - clientSince(start);
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
    CpuTimes cpuFrom = null;
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
          cpuFrom = CpuTimes.now();
        }
      } else if (now - measuredFrom >= measured.toNanos()) {
        CpuTimes cpuTo = CpuTimes.now();
        return new Result(
            completed - completedBefore, now - measuredFrom, cpuTo.clientSince(cpuFrom),
            cpuTo.serverSince(cpuFrom));
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

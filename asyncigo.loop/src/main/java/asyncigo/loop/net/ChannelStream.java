package asyncigo.loop.net;

import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.iter.AsyncIterable;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.StreamClosedException;
import asyncigo.api.net.TlsOptions;
import asyncigo.api.net.TlsSession;
import asyncigo.api.spi.PollStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLEngine;

/**
 * The {@link AsyncStream} over one {@link PollStream} (a TCP socket or a pipe end), registered
 * with the loop's readiness service before it is built. Reading is delegated to a {@link
 * StreamInput}, writing to a {@link StreamOutput}; this class adds the direction checks of pipe
 * ends, the iterators, the addresses and the close that ends both halves. The stream is one of
 * the loop's {@link OwnedResources} from construction until it closes.
 *
 * <p>The halves move bytes through {@code transport}: a {@link SocketTransport} until the
 * stream switches to TLS in place ({@link #startTls}), a {@link TlsTransport} from then on.
 * {@code connectedHost} is the host a client stream was connected to by name or literal, the
 * name its TLS handshake checks by default.
 *
 * <p>Every public method but {@link #isClosed()} (a volatile read) is loop-confined and checks the
 * calling thread before anything else, so a call from another thread changes nothing.
 */
final class ChannelStream implements AsyncStream, OwnedResources.Resource {
  private enum Direction {
    DUPLEX,
    SOURCE,
    SINK
  }

  private final StreamContext context;
  private final PollStream channel;
  private StreamTransport transport;
  private final StreamInput input;
  private final StreamOutput output;
  private final Direction direction;
  private Optional<SocketAddress> localAddress;
  private Optional<SocketAddress> remoteAddress;
  private String connectedHost;
  private volatile boolean closed;

  private ChannelStream(StreamContext context, PollStream channel, Direction direction) {
    this.context = context;
    this.channel = channel;
    this.direction = direction;
    this.transport = new SocketTransport(context.io(), channel);
    this.input = new StreamInput(context, transport);
    this.output = new StreamOutput(context, transport);
    context.owned().add(this);
  }

  /** A stream that reads and writes (a socket). */
  static ChannelStream duplex(StreamContext context, PollStream channel) {
    return new ChannelStream(context, channel, Direction.DUPLEX);
  }

  /** A client's socket stream, connected to {@code host} (a name or an address literal). */
  static ChannelStream client(StreamContext context, PollStream channel, String host) {
    ChannelStream stream = new ChannelStream(context, channel, Direction.DUPLEX);
    stream.connectedHost = host;
    return stream;
  }

  /** The read-only stream of a pipe's source end. */
  static ChannelStream source(StreamContext context, PollStream channel) {
    return new ChannelStream(context, channel, Direction.SOURCE);
  }

  /** The write-only stream of a pipe's sink end. */
  static ChannelStream sink(StreamContext context, PollStream channel) {
    return new ChannelStream(context, channel, Direction.SINK);
  }

  @Override
  public byte[] readLine() throws IOException {
    confined("AsyncStream.readLine");
    return readable().readUntil((byte) '\n');
  }

  @Override
  public byte[] readUntil(byte delimiter) throws IOException {
    confined("AsyncStream.readUntil");
    return readable().readUntil(delimiter);
  }

  @Override
  public byte[] readExactly(int n) throws IOException {
    confined("AsyncStream.readExactly");
    return readable().readExactly(n);
  }

  @Override
  public byte[] readChunk(int n) throws IOException {
    confined("AsyncStream.readChunk");
    return readable().readChunk(n);
  }

  @Override
  public byte[] read(int max) throws IOException {
    confined("AsyncStream.read");
    return readable().read(max);
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    confined("AsyncStream.read");
    return readable().read(dst);
  }

  @Override
  public byte[] readAll() throws IOException {
    confined("AsyncStream.readAll");
    return readable().readAll();
  }

  @Override
  public AsyncIterable<byte[]> lines() {
    confined("AsyncStream.lines");
    StreamInput in = readable();
    return () -> new StreamIterator<>(context.loop(), this::readLine, in::unread);
  }

  @Override
  public AsyncIterable<byte[]> chunks(int n) {
    confined("AsyncStream.chunks");
    if (n <= 0) {
      throw new IllegalArgumentException("chunk size must be positive: " + n);
    }
    StreamInput in = readable();
    return () -> new StreamIterator<>(context.loop(), () -> readChunk(n), in::unread);
  }

  @Override
  public int lineLimit() {
    confined("AsyncStream.lineLimit");
    return input.lineLimit();
  }

  @Override
  public void lineLimit(int bytes) {
    confined("AsyncStream.lineLimit");
    input.lineLimit(bytes);
  }

  @Override
  public Future<Void> write(byte[] data) throws StreamClosedException {
    confined("AsyncStream.write");
    return writable().write(data);
  }

  @Override
  public Future<Void> write(ByteBuffer src) throws StreamClosedException {
    confined("AsyncStream.write");
    return writable().write(src);
  }

  @Override
  public void drain() throws IOException {
    confined("AsyncStream.drain");
    output.drain();
  }

  @Override
  public void flush() throws IOException {
    confined("AsyncStream.flush");
    output.flush();
  }

  @Override
  public void writeLimits(int high, int low) {
    confined("AsyncStream.writeLimits");
    output.writeLimits(high, low);
  }

  @Override
  public int pendingOutput() {
    confined("AsyncStream.pendingOutput");
    return output.pendingOutput();
  }

  @Override
  public void shutdownOutput() throws IOException {
    confined("AsyncStream.shutdownOutput");
    writable().shutdownOutput();
  }

  @Override
  public void startTls(TlsOptions tls) throws IOException {
    confined("AsyncStream.startTls");
    Objects.requireNonNull(tls, "tls");
    requireUpgradable();
    upgrade(TlsEngines.create(tls, connectedHost, remotePort()), tls.handshakeTimeout());
  }

  /**
   * Switches to TLS through {@code engine} and runs the first handshake within {@code timeout};
   * closes the stream if that fails or the calling task is cancelled meanwhile.
   */
  void upgrade(SSLEngine engine, Duration timeout) throws IOException {
    boolean upgraded = false;
    try {
      output.flush();
      requireUpgradable();
      String peer = remoteAddress().map(HostAndPort::text).orElse("the peer");
      TlsTransport tls = new TlsTransport(context, (SocketTransport) transport, engine, peer);
      transport = tls;
      output.switchTo(tls);
      tls.preload(input.switchTo(tls));
      tls.handshake(timeout, peer);
      upgraded = true;
    } finally {
      if (!upgraded) {
        close();
      }
    }
  }

  @Override
  public Optional<TlsSession> tlsSession() {
    confined("AsyncStream.tlsSession");
    return transport instanceof TlsTransport tls ? tls.session() : Optional.empty();
  }

  @Override
  public Optional<SocketAddress> localAddress() {
    confined("AsyncStream.localAddress");
    if (localAddress == null) {
      localAddress = channel.localAddress();
    }
    return localAddress;
  }

  @Override
  public Optional<SocketAddress> remoteAddress() {
    confined("AsyncStream.remoteAddress");
    return remote();
  }

  private Optional<SocketAddress> remote() {
    if (remoteAddress == null) {
      remoteAddress = channel.remoteAddress();
    }
    return remoteAddress;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    confined("AsyncStream.close");
    if (closed) {
      return;
    }
    closed = true;
    context.owned().remove(this);
    input.close();
    boolean outputComplete = output.isIdle();
    output.close();
    transport.close(outputComplete);
  }

  @Override
  public String toString() {
    return "AsyncStream[" + direction.name().toLowerCase(Locale.ROOT)
        + tlsSession().map(session -> ", " + session.protocol()).orElse("")
        + (closed ? ", closed" : "")
        + remote().map(a -> ", peer " + a).orElse("") + "]";
  }

  /** The check every loop-confined method makes first: {@link Loop#checkLoopThread}. */
  private void confined(String what) {
    context.loop().checkLoopThread(what);
  }

  private void requireUpgradable() throws StreamClosedException {
    if (direction != Direction.DUPLEX) {
      throw new UnsupportedOperationException(
          "a pipe end carries bytes one way and cannot speak TLS");
    }
    if (closed) {
      throw new StreamClosedException("stream is closed");
    }
    if (transport instanceof TlsTransport) {
      throw new IllegalStateException("the stream already speaks TLS");
    }
    if (input.isReading()) {
      throw new IllegalStateException("startTls while another task is reading the stream");
    }
    if (output.isShutDown()) {
      throw new IllegalStateException("startTls after shutdownOutput: the output is shut down");
    }
  }

  private int remotePort() {
    return remoteAddress().map(a -> a instanceof InetSocketAddress inet ? inet.getPort() : -1)
        .orElse(-1);
  }

  private StreamInput readable() {
    if (direction == Direction.SINK) {
      throw new UnsupportedOperationException("the sink end of a pipe cannot be read");
    }
    return input;
  }

  private StreamOutput writable() {
    if (direction == Direction.SOURCE) {
      throw new UnsupportedOperationException("the source end of a pipe cannot be written");
    }
    return output;
  }
}

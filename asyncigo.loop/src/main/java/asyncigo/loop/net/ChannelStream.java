package asyncigo.loop.net;

import asyncigo.api.Future;
import asyncigo.api.iter.AsyncIterable;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.StreamClosedException;
import asyncigo.api.spi.PollStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.net.SocketAddress;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@link AsyncStream} over one {@link PollStream} (a TCP socket or a pipe end), registered
 * with the loop's readiness service before it is built. Reading is delegated to a {@link
 * StreamInput}, writing to a {@link StreamOutput}; this class adds the direction checks of pipe
 * ends, the iterators, the addresses and the close that ends both halves. The stream is one of
 * the loop's {@link OwnedResources} from construction until it closes. Loop-confined.
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
  private boolean closed;

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
    return readUntil((byte) '\n');
  }

  @Override
  public byte[] readUntil(byte delimiter) throws IOException {
    return readable().readUntil(delimiter);
  }

  @Override
  public byte[] readExactly(int n) throws IOException {
    return readable().readExactly(n);
  }

  @Override
  public byte[] readChunk(int n) throws IOException {
    return readable().readChunk(n);
  }

  @Override
  public byte[] read(int max) throws IOException {
    return readable().read(max);
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    return readable().read(dst);
  }

  @Override
  public byte[] readAll() throws IOException {
    return readable().readAll();
  }

  @Override
  public AsyncIterable<byte[]> lines() {
    StreamInput in = readable();
    return () -> new StreamIterator(this::readLine, in::unread);
  }

  @Override
  public AsyncIterable<byte[]> chunks(int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("chunk size must be positive: " + n);
    }
    StreamInput in = readable();
    return () -> new StreamIterator(() -> readChunk(n), in::unread);
  }

  @Override
  public int lineLimit() {
    return input.lineLimit();
  }

  @Override
  public void lineLimit(int bytes) {
    input.lineLimit(bytes);
  }

  @Override
  public Future<Void> write(byte[] data) throws StreamClosedException {
    return writable().write(data);
  }

  @Override
  public Future<Void> write(ByteBuffer src) throws StreamClosedException {
    return writable().write(src);
  }

  @Override
  public void drain() throws IOException {
    output.drain();
  }

  @Override
  public void flush() throws IOException {
    output.flush();
  }

  @Override
  public void writeLimits(int high, int low) {
    output.writeLimits(high, low);
  }

  @Override
  public int pendingOutput() {
    return output.pendingOutput();
  }

  @Override
  public void shutdownOutput() throws IOException {
    writable().shutdownOutput();
  }

  @Override
  public Optional<SocketAddress> localAddress() {
    if (localAddress == null) {
      localAddress = channel.localAddress();
    }
    return localAddress;
  }

  @Override
  public Optional<SocketAddress> remoteAddress() {
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
    if (closed) {
      return;
    }
    closed = true;
    context.owned().remove(this);
    input.close();
    boolean outputComplete = output.pendingOutput() == 0;
    output.close();
    transport.close(outputComplete);
  }

  @Override
  public String toString() {
    return "AsyncStream[" + direction.name().toLowerCase(Locale.ROOT)
        + (closed ? ", closed" : "")
        + remoteAddress().map(a -> ", peer " + a).orElse("") + "]";
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

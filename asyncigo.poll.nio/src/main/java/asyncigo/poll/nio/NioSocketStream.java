package asyncigo.poll.nio;

import asyncigo.api.spi.PollStream;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.util.Optional;

/**
 * A non-blocking TCP socket (connecting, connected or accepted) made by a {@link NioPoller}.
 * Loop-confined.
 *
 * <p>Resets: NIO throws {@link SocketException} "Connection reset" from a read that meets the
 * reset and from every later read, but a write that meets it throws a plain {@link IOException}
 * worded by the C library ("Connection reset by peer"), after which reads return the rest and end
 * of stream, and a write after a reset throws "Broken pipe". {@link #reset} makes both directions
 * agree with the epoll backend: set by the first reset either direction meets, it turns later
 * writes and a later end of stream into {@link #connectionReset()}.
 */
final class NioSocketStream implements PollStream, NioChannel {
  /** How the C library describes {@code ECONNRESET}, which NIO puts in a failed write's message. */
  private static final String RESET_BY_PEER = "Connection reset by peer";

  private final SocketChannel channel;
  private final SelectorEntry entry;
  private boolean reset;

  NioSocketStream(SocketChannel channel, NioPoller poller) {
    this.channel = channel;
    this.entry = new SelectorEntry(poller, channel);
  }

  @Override
  public SelectorEntry entry() {
    return entry;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    int n;
    try {
      n = channel.read(dst);
    } catch (SocketException e) {
      reset = true; // NIO throws SocketException from a read for a reset only
      throw e;
    }
    if (n < 0 && reset) {
      throw connectionReset();
    }
    return n;
  }

  @Override
  public int write(ByteBuffer src) throws IOException {
    if (reset) {
      throw connectionReset();
    }
    try {
      return channel.write(src);
    } catch (IOException e) {
      if (!RESET_BY_PEER.equals(e.getMessage())) {
        throw e;
      }
      reset = true;
      SocketException thrown = connectionReset();
      thrown.initCause(e);
      throw thrown;
    }
  }

  /**
   * This socket as a stream of {@code poller} (see {@link NioPoller#adopt}), keeping what it knows
   * of a reset; this object is not used afterwards.
   */
  NioSocketStream adoptedBy(NioPoller poller) throws IOException {
    if (!channel.isOpen()) {
      throw new ClosedChannelException();
    }
    if (entry.everRegistered()) {
      throw new IllegalArgumentException(
          "a stream registered with a poller cannot be adopted: " + this);
    }
    NioSocketStream adopted = new NioSocketStream(channel, poller);
    adopted.reset = reset;
    return adopted;
  }

  /** What a reset throws, the same on every backend. */
  private static SocketException connectionReset() {
    return new SocketException("Connection reset");
  }

  /** {@inheritDoc} A failed connect also closes the channel (NIO does). */
  @Override
  public boolean finishConnect() throws IOException {
    return channel.finishConnect();
  }

  @Override
  public void shutdownOutput() throws IOException {
    channel.shutdownOutput();
  }

  @Override
  public Optional<SocketAddress> remoteAddress() {
    try {
      return Optional.ofNullable(channel.getRemoteAddress());
    } catch (IOException closed) {
      return Optional.empty();
    }
  }

  @Override
  public Optional<SocketAddress> localAddress() {
    try {
      return Optional.ofNullable(channel.getLocalAddress());
    } catch (IOException closed) {
      return Optional.empty();
    }
  }

  @Override
  public boolean isOpen() {
    return channel.isOpen();
  }

  /** {@inheritDoc} The descriptor is released at once (see {@link NioPoller#releaseClosed()}). */
  @Override
  public void close() throws IOException {
    entry.close();
  }

  @Override
  public String toString() {
    return "NioSocketStream[" + channel + "]";
  }
}

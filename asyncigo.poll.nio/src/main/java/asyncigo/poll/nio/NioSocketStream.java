package asyncigo.poll.nio;

import asyncigo.api.spi.PollStream;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Optional;

/**
 * A non-blocking TCP socket (connecting, connected or accepted) made by a {@link NioPoller}.
 * Loop-confined.
 */
final class NioSocketStream implements PollStream, NioChannel {
  private final SocketChannel channel;
  private final SelectorEntry entry;

  NioSocketStream(SocketChannel channel, NioPoller poller) {
    this.channel = channel;
    this.entry = new SelectorEntry(poller, channel);
  }

  @Override
  public SelectorEntry entry() {
    return entry;
  }

  /** {@inheritDoc} A reset throws {@link java.net.SocketException} "Connection reset". */
  @Override
  public int read(ByteBuffer dst) throws IOException {
    return channel.read(dst);
  }

  @Override
  public int write(ByteBuffer src) throws IOException {
    return channel.write(src);
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

package asyncigo.poll.nio;

import asyncigo.api.spi.PollStream;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.Pipe;
import java.util.Optional;

/**
 * The read end of a pipe made by {@link NioPoller#pipe()}: it reads, never writes, and has no
 * address. Loop-confined.
 */
final class NioPipeSource implements PollStream, NioChannel {
  private final Pipe.SourceChannel channel;
  private final SelectorEntry entry;

  NioPipeSource(Pipe.SourceChannel channel, NioPoller poller) {
    this.channel = channel;
    this.entry = new SelectorEntry(poller, channel);
  }

  @Override
  public SelectorEntry entry() {
    return entry;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    return channel.read(dst);
  }

  /** Always throws {@link NonWritableChannelException}: this is the read end. */
  @Override
  public int write(ByteBuffer src) {
    throw new NonWritableChannelException();
  }

  /** True: a pipe is connected from the start. */
  @Override
  public boolean finishConnect() {
    return true;
  }

  /** Does nothing: the read end writes nothing. */
  @Override
  public void shutdownOutput() {}

  @Override
  public Optional<SocketAddress> remoteAddress() {
    return Optional.empty();
  }

  @Override
  public Optional<SocketAddress> localAddress() {
    return Optional.empty();
  }

  @Override
  public boolean isOpen() {
    return channel.isOpen();
  }

  @Override
  public void close() throws IOException {
    entry.close();
  }

  @Override
  public String toString() {
    return "NioPipeSource[" + channel + "]";
  }
}

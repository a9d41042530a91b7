package asyncigo.poll.nio;

import asyncigo.api.spi.PollStream;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.Pipe;
import java.util.Optional;

/**
 * The write end of a pipe made by {@link NioPoller#pipe()}: it writes, never reads, and has no
 * address. Loop-confined.
 */
final class NioPipeSink implements PollStream, NioChannel {
  private final Pipe.SinkChannel channel;
  private final SelectorEntry entry;

  NioPipeSink(Pipe.SinkChannel channel, NioPoller poller) {
    this.channel = channel;
    this.entry = new SelectorEntry(poller, channel);
  }

  @Override
  public SelectorEntry entry() {
    return entry;
  }

  /** Always throws {@link NonReadableChannelException}: this is the write end. */
  @Override
  public int read(ByteBuffer dst) {
    throw new NonReadableChannelException();
  }

  @Override
  public int write(ByteBuffer src) throws IOException {
    return channel.write(src);
  }

  /** True: a pipe is connected from the start. */
  @Override
  public boolean finishConnect() {
    return true;
  }

  /** Closes the write end: a pipe cannot half-close, and the reader then reads end of stream. */
  @Override
  public void shutdownOutput() throws IOException {
    entry.close();
  }

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
    return "NioPipeSink[" + channel + "]";
  }
}

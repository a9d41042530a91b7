package asyncigo.poll.nio;

import asyncigo.api.spi.PollAcceptor;
import asyncigo.api.spi.PollStream;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Optional;

/**
 * A non-blocking listening TCP or Unix domain socket made by a {@link NioPoller}. Loop-confined.
 */
final class NioAcceptor implements PollAcceptor, NioChannel {
  private final ServerSocketChannel channel;
  private final NioPoller poller;
  private final SelectorEntry entry;
  /** Whether accepted sockets are TCP ones, which get TCP_NODELAY. */
  private final boolean tcp;

  NioAcceptor(ServerSocketChannel channel, NioPoller poller, boolean tcp) {
    this.channel = channel;
    this.poller = poller;
    this.tcp = tcp;
    this.entry = new SelectorEntry(poller, channel);
  }

  @Override
  public SelectorEntry entry() {
    return entry;
  }

  @Override
  public PollStream accept() throws IOException {
    SocketChannel accepted = channel.accept();
    if (accepted == null) {
      return null;
    }
    try {
      accepted.configureBlocking(false);
      if (tcp) {
        accepted.setOption(StandardSocketOptions.TCP_NODELAY, true);
      }
    } catch (IOException | RuntimeException e) {
      try {
        accepted.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    return new NioSocketStream(accepted, poller);
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

  @Override
  public void close() throws IOException {
    entry.close();
  }

  @Override
  public String toString() {
    return "NioAcceptor[" + channel + "]";
  }
}

package asyncigo.poll.nio;

import asyncigo.api.net.DatagramOptions;
import asyncigo.api.net.DatagramTooLargeException;
import asyncigo.api.spi.PollDatagram;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.Optional;

/**
 * A non-blocking UDP socket made by a {@link NioPoller}: a {@link DatagramChannel}. Loop-confined.
 *
 * <p>Whole datagrams: NIO truncates a datagram silently when the buffer is too small, so a
 * receive offering less room than any datagram can need ({@link NioPoller#DATAGRAM_SCRATCH}
 * bytes) receives into the poller's scratch buffer first and copies; a datagram that does not fit
 * is kept in {@link #held} (a heap copy) and returned by the next receive with room for it.
 */
final class NioDatagram implements PollDatagram, NioChannel {
  private final DatagramChannel channel;
  private final NioPoller poller;
  private final SelectorEntry entry;
  private final InetSocketAddress remote;
  private byte[] held;
  private InetSocketAddress heldSender;

  private NioDatagram(DatagramChannel channel, NioPoller poller, InetSocketAddress remote) {
    this.channel = channel;
    this.poller = poller;
    this.remote = remote;
    this.entry = new SelectorEntry(poller, channel);
  }

  /** A new socket bound to {@code local} with {@code options}; closed again if a step fails. */
  static NioDatagram open(NioPoller poller, InetSocketAddress local, DatagramOptions options)
      throws IOException {
    DatagramChannel channel = DatagramChannel.open(
        local.getAddress() instanceof Inet6Address
            ? StandardProtocolFamily.INET6
            : StandardProtocolFamily.INET);
    try {
      channel.configureBlocking(false);
      channel.setOption(StandardSocketOptions.SO_BROADCAST, options.broadcast());
      channel.setOption(StandardSocketOptions.SO_REUSEADDR, options.reuseAddress());
      if (options.receiveBufferSize() > 0) {
        channel.setOption(StandardSocketOptions.SO_RCVBUF, options.receiveBufferSize());
      }
      if (options.sendBufferSize() > 0) {
        channel.setOption(StandardSocketOptions.SO_SNDBUF, options.sendBufferSize());
      }
      channel.bind(local);
      InetSocketAddress remote = options.remote().orElse(null);
      if (remote != null) {
        channel.connect(remote);
      }
      return new NioDatagram(channel, poller, remote);
    } catch (IOException | RuntimeException e) {
      try {
        channel.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  @Override
  public SelectorEntry entry() {
    return entry;
  }

  @Override
  public InetSocketAddress receive(ByteBuffer dst) throws IOException {
    if (dst.isReadOnly()) {
      throw new IllegalArgumentException("receive into a read-only buffer");
    }
    if (!channel.isOpen()) {
      throw new ClosedChannelException();
    }
    if (held != null) {
      if (held.length > dst.remaining()) {
        throw new DatagramTooLargeException(held.length, dst.remaining());
      }
      dst.put(held);
      held = null;
      return heldSender;
    }
    if (dst.remaining() >= NioPoller.DATAGRAM_SCRATCH) {
      return (InetSocketAddress) channel.receive(dst);
    }
    ByteBuffer scratch = poller.datagramScratch().clear();
    SocketAddress sender = channel.receive(scratch);
    if (sender == null) {
      return null;
    }
    scratch.flip();
    if (scratch.remaining() > dst.remaining()) {
      held = new byte[scratch.remaining()];
      scratch.get(held);
      heldSender = (InetSocketAddress) sender;
      throw new DatagramTooLargeException(held.length, dst.remaining());
    }
    dst.put(scratch);
    return (InetSocketAddress) sender;
  }

  /**
   * {@inheritDoc} NIO's {@code send} returns 0 both for "no room" and for an empty datagram sent;
   * an empty one counts as sent (it needs no room worth waiting for).
   */
  @Override
  public boolean send(ByteBuffer src, InetSocketAddress target) throws IOException {
    int length = src.remaining();
    int sent = channel.send(src, target == null ? remote : target);
    return sent > 0 || length == 0;
  }

  @Override
  public Optional<InetSocketAddress> remoteAddress() {
    return Optional.ofNullable(remote);
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
    held = null;
    entry.close();
  }

  @Override
  public String toString() {
    return "NioDatagram[" + channel + "]";
  }
}

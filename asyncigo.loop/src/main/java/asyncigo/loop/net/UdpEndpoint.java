package asyncigo.loop.net;

import asyncigo.api.iter.AsyncIterable;
import asyncigo.api.net.Datagram;
import asyncigo.api.net.DatagramEndpoint;
import asyncigo.api.net.DatagramTooLargeException;
import asyncigo.api.net.StreamClosedException;
import asyncigo.api.spi.PollDatagram;
import asyncigo.api.spi.Poller;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link DatagramEndpoint} over one {@link PollDatagram}, registered with the loop's readiness
 * service before it is built; one of the loop's {@link OwnedResources} until it closes.
 *
 * <p>Every receive and send tries the socket first and awaits readiness only when it reports
 * "would block"; nothing is taken from the socket across an await, so a receive or send cancelled
 * while waiting loses nothing. {@link #receive()} receives into the loop's 64 KiB read scratch
 * buffer (room for any datagram) and copies the payload out before awaiting anything;
 * {@link #send} copies the payload into the write scratch buffer again on every try, since other
 * streams use it while the send waits.
 *
 * <p>State besides the socket: {@link #unread} holds datagrams that the {@link #datagrams()}
 * iterator fetched but nobody took (returned first by the next receive); {@link #unreachable}
 * keeps an ICMP "port unreachable" that a send met, for the next receive to throw, so that it
 * surfaces from a receive however the kernel's report raced with sends.
 *
 * <p>Every public method but {@link #isClosed()} (a volatile read) is loop-confined and checks
 * the calling thread before anything else.
 */
final class UdpEndpoint implements DatagramEndpoint, OwnedResources.Resource {
  private final StreamContext context;
  private final PollDatagram channel;
  private final InetSocketAddress local;
  private final InetSocketAddress remote;
  private final ArrayDeque<Datagram> unread = new ArrayDeque<>();
  private boolean unreachable;
  private volatile boolean closed;

  UdpEndpoint(StreamContext context, PollDatagram channel) {
    this.context = context;
    this.channel = channel;
    this.local = (InetSocketAddress) channel.localAddress().orElseThrow();
    this.remote = channel.remoteAddress().orElse(null);
    context.owned().add(this);
  }

  @Override
  public void send(byte[] payload, InetSocketAddress target) throws IOException {
    confined("DatagramEndpoint.send");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(target, "target");
    requireSendable(payload);
    requireTarget(target);
    if (remote != null && !remote.equals(target)) {
      throw new IllegalArgumentException("the endpoint is connected to " + remote
          + " and cannot send to " + target + "; use send(payload)");
    }
    sendTo(payload, remote != null ? null : target);
  }

  @Override
  public void send(byte[] payload) throws IOException {
    confined("DatagramEndpoint.send");
    Objects.requireNonNull(payload, "payload");
    requireSendable(payload);
    if (remote == null) {
      throw new IllegalStateException("the endpoint bound to " + local
          + " is not connected; use send(payload, target) or DatagramOptions.connect");
    }
    sendTo(payload, null);
  }

  private void sendTo(byte[] payload, InetSocketAddress target) throws IOException {
    while (true) {
      requireOpen();
      ByteBuffer src = context.writeScratch().clear().put(payload).flip();
      try {
        if (channel.send(src, target)) {
          return;
        }
      } catch (PortUnreachableException e) {
        unreachable = true; // the report is the receive's to throw; the kernel has cleared it
        continue;
      }
      IoAwait.await(context.io().ready(channel, Poller.WRITE));
      if (closed) {
        throw new StreamClosedException("datagram endpoint closed while sending");
      }
    }
  }

  @Override
  public Datagram receive() throws IOException {
    confined("DatagramEndpoint.receive");
    Datagram taken = unread.pollFirst();
    if (taken != null) {
      return taken;
    }
    while (true) {
      ByteBuffer scratch = context.readScratch().clear();
      InetSocketAddress sender = tryReceive(scratch);
      if (sender != null) {
        byte[] payload = new byte[scratch.flip().remaining()];
        scratch.get(payload);
        return new Datagram(payload, sender);
      }
      awaitReadable();
    }
  }

  @Override
  public InetSocketAddress receiveInto(ByteBuffer dst) throws IOException {
    confined("DatagramEndpoint.receiveInto");
    Objects.requireNonNull(dst, "dst");
    if (dst.isReadOnly()) {
      throw new IllegalArgumentException("receiveInto a read-only buffer");
    }
    Datagram first = unread.peekFirst();
    if (first != null) {
      if (first.payload().length > dst.remaining()) {
        throw new DatagramTooLargeException(first.payload().length, dst.remaining());
      }
      dst.put(unread.pollFirst().payload());
      return first.sender();
    }
    while (true) {
      InetSocketAddress sender = tryReceive(dst);
      if (sender != null) {
        return sender;
      }
      awaitReadable();
    }
  }

  /** One receive attempt: the sender, or null if nothing waits. */
  private InetSocketAddress tryReceive(ByteBuffer dst) throws IOException {
    requireOpen();
    if (unreachable) {
      unreachable = false;
      throw portUnreachable();
    }
    try {
      return channel.receive(dst);
    } catch (PortUnreachableException e) {
      throw portUnreachable();
    }
  }

  private PortUnreachableException portUnreachable() {
    return new PortUnreachableException(
        "port unreachable: nothing listens on " + remote + " (ICMP report)");
  }

  private void awaitReadable() throws IOException {
    IoAwait.await(context.io().ready(channel, Poller.READ));
    if (closed) {
      throw new StreamClosedException("datagram endpoint closed while receiving");
    }
  }

  @Override
  public AsyncIterable<Datagram> datagrams() {
    confined("DatagramEndpoint.datagrams");
    return () -> new StreamIterator<>(context.loop(), this::receiveUntilClosed, unread::addFirst);
  }

  /** {@link #receive()}, or null once the endpoint is closed: the end of the iteration. */
  private Datagram receiveUntilClosed() throws IOException {
    try {
      return receive();
    } catch (StreamClosedException e) {
      if (closed) {
        return null;
      }
      throw e;
    }
  }

  @Override
  public InetSocketAddress localAddress() {
    confined("DatagramEndpoint.localAddress");
    return local;
  }

  @Override
  public Optional<InetSocketAddress> remoteAddress() {
    confined("DatagramEndpoint.remoteAddress");
    return Optional.ofNullable(remote);
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    confined("DatagramEndpoint.close");
    if (closed) {
      return;
    }
    closed = true;
    unread.clear();
    context.owned().remove(this);
    context.io().close(channel, "datagram endpoint closed");
  }

  @Override
  public String toString() {
    return "DatagramEndpoint[" + local + (remote != null ? " -> " + remote : "")
        + (closed ? ", closed" : "") + "]";
  }

  private void requireOpen() throws StreamClosedException {
    if (closed) {
      throw new StreamClosedException("datagram endpoint is closed");
    }
  }

  private static void requireSendable(byte[] payload) {
    if (payload.length > MAX_PAYLOAD) {
      throw new IllegalArgumentException("a datagram payload of " + payload.length
          + " bytes is larger than the largest UDP payload, " + MAX_PAYLOAD + " bytes");
    }
  }

  private void requireTarget(InetSocketAddress target) {
    if (target.isUnresolved()) {
      throw new IllegalArgumentException("target address is unresolved: " + target);
    }
    if (target.getPort() == 0) {
      throw new IllegalArgumentException("target port must be from 1 to 65535: " + target);
    }
    if (target.getAddress() instanceof Inet6Address && !(local.getAddress() instanceof Inet6Address)) {
      throw new IllegalArgumentException(
          "an IPv4 endpoint (" + local + ") cannot send to the IPv6 address " + target);
    }
  }

  /** The check every loop-confined method makes first. */
  private void confined(String what) {
    context.loop().checkLoopThread(what);
  }
}

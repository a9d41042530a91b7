package asyncigo.poll.epoll;

import static asyncigo.poll.epoll.ErrnoExceptions.EAGAIN;
import static asyncigo.poll.epoll.ErrnoExceptions.ECONNREFUSED;
import static asyncigo.poll.epoll.ErrnoExceptions.EINTR;

import asyncigo.api.net.DatagramOptions;
import asyncigo.api.net.DatagramTooLargeException;
import asyncigo.api.spi.PollDatagram;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * A UDP socket ({@code SOCK_DGRAM}), sending with {@code sendmsg} and receiving with {@code
 * recvmsg}. Loop-confined.
 *
 * <p>Whole datagrams: a receive into a direct buffer with room for any datagram ({@link
 * #SCRATCH_BYTES}) goes straight into it; any other receive lands in the poller's datagram
 * scratch memory and is copied, and a datagram that does not fit is kept in {@link #held} (a heap
 * copy) for the next receive with room. Heap payloads are copied to the same scratch memory to be
 * sent (jnr-ffi would otherwise copy them itself, allocating).
 *
 * <p>{@code ECONNREFUSED} from either call is the kernel's report of an ICMP "port unreachable"
 * on a connected socket, thrown as {@link PortUnreachableException}, as NIO does.
 */
final class EpollDatagram extends EpollChannel implements PollDatagram {
  /** Room for any datagram: more than the largest UDP payload (65,527 bytes over IPv6). */
  static final int SCRATCH_BYTES = 64 * 1024;

  private final InetSocketAddress remote;
  private byte[] held;
  private InetSocketAddress heldSender;

  private EpollDatagram(EpollPoller poller, int fd, InetSocketAddress remote) {
    super(poller, fd);
    this.remote = remote;
  }

  /** A new socket bound to {@code local} with {@code options}; closed again if a step fails. */
  static EpollDatagram open(EpollPoller poller, InetSocketAddress local, DatagramOptions options)
      throws IOException {
    Syscalls sys = poller.sys;
    int fd = sys.datagramSocketFor(local);
    try {
      if (options.broadcast()) {
        sys.setIntOption(fd, LinuxConstants.SOL_SOCKET, LinuxConstants.SO_BROADCAST, 1);
      }
      if (options.reuseAddress()) {
        sys.setIntOption(fd, LinuxConstants.SOL_SOCKET, LinuxConstants.SO_REUSEADDR, 1);
      }
      if (options.receiveBufferSize() > 0) {
        sys.setIntOption(
            fd, LinuxConstants.SOL_SOCKET, LinuxConstants.SO_RCVBUF, options.receiveBufferSize());
      }
      if (options.sendBufferSize() > 0) {
        sys.setIntOption(
            fd, LinuxConstants.SOL_SOCKET, LinuxConstants.SO_SNDBUF, options.sendBufferSize());
      }
      int errno = sys.bind(fd, local);
      if (errno != 0) {
        throw ErrnoExceptions.bindFailed(errno, local);
      }
      InetSocketAddress remote = options.remote().orElse(null);
      if (remote != null) {
        errno = sys.connect(fd, remote);
        if (errno != 0) {
          throw ErrnoExceptions.callFailed("connect", errno);
        }
      }
      return new EpollDatagram(poller, fd, remote);
    } catch (IOException | RuntimeException e) {
      sys.libc.close(fd);
      throw e;
    }
  }

  @Override
  boolean isSocket() {
    return true;
  }

  @Override
  public InetSocketAddress receive(ByteBuffer dst) throws IOException {
    int f = openFd();
    if (dst.isReadOnly()) {
      throw new IllegalArgumentException("receive into a read-only buffer");
    }
    int room = dst.remaining();
    if (held != null) {
      if (held.length > room) {
        throw new DatagramTooLargeException(held.length, room);
      }
      dst.put(held);
      held = null;
      return heldSender;
    }
    if (dst.isDirect() && room >= SCRATCH_BYTES) {
      int n = (int) sys.receiveFrom(f, DirectMemory.addressOf(dst) + dst.position(), room);
      if (n < 0) {
        requireRetryable(sys.errno(), "recvmsg");
        return null;
      }
      dst.position(dst.position() + n);
      return sys.receivedFrom();
    }
    DirectMemory scratch = poller.datagramScratch();
    int n = (int) sys.receiveFrom(f, scratch.address, SCRATCH_BYTES);
    if (n < 0) {
      requireRetryable(sys.errno(), "recvmsg");
      return null;
    }
    InetSocketAddress sender = sys.receivedFrom();
    if (n > room) {
      held = new byte[n];
      scratch.buffer.get(0, held);
      heldSender = sender;
      throw new DatagramTooLargeException(n, room);
    }
    dst.put(dst.position(), scratch.buffer, 0, n);
    dst.position(dst.position() + n);
    return sender;
  }

  @Override
  public boolean send(ByteBuffer src, InetSocketAddress target) throws IOException {
    int f = openFd();
    int position = src.position();
    int length = src.remaining();
    long address;
    if (src.isDirect()) {
      address = DirectMemory.addressOf(src) + position;
    } else {
      DirectMemory scratch = poller.datagramScratch();
      scratch.buffer.put(0, src, position, length);
      address = scratch.address;
    }
    if (sys.sendTo(f, address, length, target) < 0) {
      requireRetryable(sys.errno(), "sendmsg");
      return false;
    }
    src.position(position + length);
    return true;
  }

  /** Returns for "try again later" errors; throws for every other. */
  private static void requireRetryable(int errno, String call) throws IOException {
    if (errno == EAGAIN || errno == EINTR) {
      return;
    }
    if (errno == ECONNREFUSED) {
      throw new PortUnreachableException(ErrnoExceptions.describe(errno));
    }
    throw ErrnoExceptions.callFailed(call, errno);
  }

  @Override
  public Optional<InetSocketAddress> remoteAddress() {
    return Optional.ofNullable(remote);
  }

  @Override
  void released() {
    held = null;
  }
}

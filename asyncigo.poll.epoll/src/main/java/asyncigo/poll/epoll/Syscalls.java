package asyncigo.poll.epoll;

import static asyncigo.poll.epoll.LinuxConstants.O_CLOEXEC;
import static asyncigo.poll.epoll.LinuxConstants.O_NONBLOCK;
import static asyncigo.poll.epoll.LinuxConstants.SOCKADDR_STORAGE_SIZE;
import static asyncigo.poll.epoll.LinuxConstants.SOCK_CLOEXEC;
import static asyncigo.poll.epoll.LinuxConstants.SOCK_DGRAM;
import static asyncigo.poll.epoll.LinuxConstants.SOCK_NONBLOCK;
import static asyncigo.poll.epoll.LinuxConstants.SOCK_STREAM;

import asyncigo.poll.epoll.sys.LinuxLibC;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.util.Optional;
import jnr.ffi.LastError;
import jnr.ffi.Runtime;

/**
 * One poller's gateway to the C library: the binding, {@code errno}, and the scratch memory that
 * pointer arguments (socket addresses, option values, {@code epoll_event}s) are built in, so that
 * no call allocates native memory. Also the socket calls that are not on a hot path, wrapped to
 * throw exceptions that name the failed call.
 *
 * <p>Loop-confined: the scratch memory is shared by every call of the poller and its channels.
 */
final class Syscalls {
  // Scratch layout: [sockaddr_storage | socklen_t | pad | 8-byte value | epoll_event (<= 16)
  //   | struct msghdr (56) | struct iovec (16)].
  private static final int SOCKADDR = 0;
  private static final int SOCKLEN = SOCKADDR_STORAGE_SIZE;
  private static final int VALUE = SOCKLEN + 8;
  private static final int EVENT = VALUE + 8;
  private static final int MSGHDR = EVENT + 16;
  private static final int IOVEC = MSGHDR + 56;
  private static final int SIZE = IOVEC + 16;

  final LinuxLibC libc;
  private final Runtime runtime;
  private final DirectMemory scratch = DirectMemory.allocate(SIZE);

  Syscalls(LinuxLibC libc) {
    this.libc = libc;
    this.runtime = Runtime.getRuntime(libc);
  }

  /** The {@code errno} of this thread's last failed call. */
  int errno() {
    return LastError.getLastError(runtime);
  }

  /** Builds one {@code epoll_event} in scratch memory and returns its address. */
  long epollEvent(EpollEventLayout layout, int events, long data) {
    ByteBuffer b = scratch.buffer;
    b.putInt(EVENT, events);
    b.putLong(EVENT + layout.dataOffset(), data);
    return scratch.address + EVENT;
  }

  /** Address of an 8-byte scratch value (an eventfd counter being drained, say). */
  long valueAddress() {
    return scratch.address + VALUE;
  }

  /** A new non-blocking, close-on-exec TCP socket for {@code address}'s family. */
  int socketFor(InetSocketAddress address) throws IOException {
    int fd = libc.socket(Sockaddr.family(address), SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
      throw ErrnoExceptions.callFailed("socket", errno());
    }
    return fd;
  }

  /** A new non-blocking, close-on-exec UDP socket for {@code address}'s family. */
  int datagramSocketFor(InetSocketAddress address) throws IOException {
    int fd = libc.socket(Sockaddr.family(address), SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
      throw ErrnoExceptions.callFailed("socket", errno());
    }
    return fd;
  }

  /** A new non-blocking, close-on-exec Unix domain stream socket. */
  int unixSocket() throws IOException {
    int fd = libc.socket(LinuxConstants.AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
      throw ErrnoExceptions.callFailed("socket", errno());
    }
    return fd;
  }

  /**
   * {@code sendmsg} of one datagram of {@code length} bytes at {@code buffer} to {@code target}, or
   * to the connected remote address if it is null: the bytes sent, or -1 with {@link #errno()} set.
   */
  long sendTo(int fd, long buffer, int length, InetSocketAddress target) {
    int addressLength = target == null ? 0 : Sockaddr.encode(target, scratch.buffer, SOCKADDR);
    return libc.sendmsg(fd, message(addressLength, buffer, length), 0);
  }

  /**
   * {@code recvmsg} of one datagram into {@code length} bytes at {@code buffer}: the bytes
   * received, or -1 with {@link #errno()} set; the sender is then {@link #receivedFrom()}.
   */
  long receiveFrom(int fd, long buffer, int length) {
    return libc.recvmsg(fd, message(SOCKADDR_STORAGE_SIZE, buffer, length), 0);
  }

  /**
   * Builds a {@code struct msghdr} in scratch memory, naming the scratch socket address (if {@code
   * addressLength} is not 0) and one {@code struct iovec} of {@code length} bytes at {@code
   * buffer}; returns its address. The layout of x86-64 and aarch64: name pointer, name length and
   * padding, iovec pointer, iovec count, control pointer, control length, flags and padding; an
   * iovec is a base pointer and a length.
   */
  private long message(int addressLength, long buffer, int length) {
    ByteBuffer b = scratch.buffer;
    b.putLong(IOVEC, buffer).putLong(IOVEC + 8, length);
    b.putLong(MSGHDR, addressLength == 0 ? 0 : scratch.address + SOCKADDR)
        .putLong(MSGHDR + 8, addressLength)
        .putLong(MSGHDR + 16, scratch.address + IOVEC).putLong(MSGHDR + 24, 1)
        .putLong(MSGHDR + 32, 0).putLong(MSGHDR + 40, 0).putLong(MSGHDR + 48, 0);
    return scratch.address + MSGHDR;
  }

  /** The sender of the datagram the last {@link #receiveFrom} received. */
  InetSocketAddress receivedFrom() {
    return Sockaddr.decode(scratch.buffer, SOCKADDR)
        .orElseThrow(() -> new IllegalStateException("recvmsg gave no IPv4 or IPv6 sender"));
  }

  /** {@code setsockopt} of an int option. */
  void setIntOption(int fd, int level, int name, int value) throws IOException {
    scratch.buffer.putInt(VALUE, value);
    if (libc.setsockopt(fd, level, name, scratch.address + VALUE, 4) < 0) {
      throw ErrnoExceptions.callFailed("setsockopt", errno());
    }
  }

  /** {@code getsockopt} of an int option. */
  int intOption(int fd, int level, int name) throws IOException {
    scratch.buffer.putInt(VALUE, 0).putInt(SOCKLEN, 4);
    if (libc.getsockopt(fd, level, name, scratch.address + VALUE, scratch.address + SOCKLEN) < 0) {
      throw ErrnoExceptions.callFailed("getsockopt", errno());
    }
    return scratch.buffer.getInt(VALUE);
  }

  /** {@code connect}: 0 if connected at once, else the errno (EINPROGRESS while in progress). */
  int connect(int fd, InetSocketAddress remote) {
    int length = Sockaddr.encode(remote, scratch.buffer, SOCKADDR);
    return libc.connect(fd, scratch.address + SOCKADDR, length) == 0 ? 0 : errno();
  }

  /** {@code connect} to a Unix domain socket: 0 if connected, else the errno. */
  int connect(int fd, UnixDomainSocketAddress remote) {
    int length = Sockaddr.encode(remote, scratch.buffer, SOCKADDR);
    return libc.connect(fd, scratch.address + SOCKADDR, length) == 0 ? 0 : errno();
  }

  /** {@code bind} to a Unix domain socket path: 0 on success, else the errno. */
  int bind(int fd, UnixDomainSocketAddress local) {
    int length = Sockaddr.encode(local, scratch.buffer, SOCKADDR);
    return libc.bind(fd, scratch.address + SOCKADDR, length) == 0 ? 0 : errno();
  }

  /** {@code bind}: 0 on success, else the errno. */
  int bind(int fd, InetSocketAddress local) {
    int length = Sockaddr.encode(local, scratch.buffer, SOCKADDR);
    return libc.bind(fd, scratch.address + SOCKADDR, length) == 0 ? 0 : errno();
  }

  /** {@code getsockname} or {@code getpeername}; empty if the call fails (not connected, say). */
  Optional<SocketAddress> socketName(int fd, boolean peer) {
    scratch.buffer.putInt(SOCKLEN, SOCKADDR_STORAGE_SIZE);
    long addr = scratch.address + SOCKADDR;
    long len = scratch.address + SOCKLEN;
    int result = peer ? libc.getpeername(fd, addr, len) : libc.getsockname(fd, addr, len);
    return result < 0
        ? Optional.empty()
        : Sockaddr.decodeAny(scratch.buffer, SOCKADDR, scratch.buffer.getInt(SOCKLEN));
  }

  /** {@code pipe2(O_NONBLOCK | O_CLOEXEC)}: the read end in element 0, the write end in 1. */
  int[] pipe() throws IOException {
    if (libc.pipe2(scratch.address + VALUE, O_NONBLOCK | O_CLOEXEC) < 0) {
      throw ErrnoExceptions.callFailed("pipe2", errno());
    }
    return new int[] {scratch.buffer.getInt(VALUE), scratch.buffer.getInt(VALUE + 4)};
  }
}

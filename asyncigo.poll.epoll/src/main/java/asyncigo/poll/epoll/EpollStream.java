package asyncigo.poll.epoll;

import static asyncigo.poll.epoll.ErrnoExceptions.EAGAIN;
import static asyncigo.poll.epoll.ErrnoExceptions.ECONNRESET;
import static asyncigo.poll.epoll.ErrnoExceptions.EINTR;
import static asyncigo.poll.epoll.ErrnoExceptions.ENOTCONN;

import asyncigo.api.spi.PollStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.NotYetConnectedException;
import java.util.Optional;

/**
 * A TCP or Unix domain socket, or one end of a pipe. Loop-confined.
 *
 * <p>Reads and writes on a direct buffer call {@code read(2)}/{@code write(2)} with the buffer's
 * address, remembered for the last buffer used so that the common case (one buffer per
 * connection, used again and again) makes no lookup; heap buffers go through jnr-enxio's {@code
 * Native.read}/{@code write}, which let jnr-ffi pass the array. Neither allocates.
 *
 * <p>Connect state: {@link #connected} is true once connected (at once for accepted sockets and
 * pipes); {@link #connectErrno} keeps a failure so that every later {@link #finishConnect} reports
 * it again.
 *
 * <p>Resets: {@link #reset} is set once a read or a write met {@code ECONNRESET}. From then on
 * writes throw {@link ErrnoExceptions#connectionReset()} without a system call, and reads return
 * what the kernel still holds from before the reset, then throw it instead of reporting end of
 * stream (after a reset the kernel reports the error once, then end of stream).
 *
 * <p>A pipe has no half-close: {@link #shutdownOutput()} on its sink closes the sink, which is what
 * makes the source read end of stream.
 */
final class EpollStream extends EpollChannel implements PollStream {
  /** What the descriptor is. */
  enum Kind { SOCKET, PIPE_SOURCE, PIPE_SINK }

  private final Kind kind;
  private boolean connected;
  private int connectErrno;
  private boolean reset;
  private SocketAddress remoteAddress;

  private ByteBuffer lastBuffer;
  private long lastAddress;

  private EpollStream(EpollPoller poller, int fd, Kind kind, boolean connected,
      SocketAddress remote, int connectErrno) {
    super(poller, fd);
    this.kind = kind;
    this.connected = connected;
    this.remoteAddress = remote;
    this.connectErrno = connectErrno;
  }

  /**
   * A new socket (TCP_NODELAY on) connecting to {@code remote}. A connect that fails at once is
   * kept for {@link #finishConnect()} to report, like one that fails later, so that callers see
   * one path; the descriptor is closed if anything else fails.
   */
  static EpollStream connect(EpollPoller poller, InetSocketAddress remote) throws IOException {
    Syscalls sys = poller.sys;
    int fd = sys.socketFor(remote);
    try {
      sys.setIntOption(fd, LinuxConstants.IPPROTO_TCP, LinuxConstants.TCP_NODELAY, 1);
      int result = sys.connect(fd, remote);
      boolean failed = result != 0 && result != ErrnoExceptions.EINPROGRESS
          && result != EINTR; // an interrupted connect goes on in the background
      return new EpollStream(poller, fd, Kind.SOCKET, result == 0, remote, failed ? result : 0);
    } catch (IOException | RuntimeException e) {
      sys.libc.close(fd);
      throw e;
    }
  }

  /**
   * A new Unix domain socket connecting to {@code remote}. A local connect completes or fails at
   * once; a failure (refused, no such file, a full backlog) is kept for {@link #finishConnect()}
   * to report. The descriptor is closed if anything else fails.
   */
  static EpollStream connectUnix(EpollPoller poller, UnixDomainSocketAddress remote)
      throws IOException {
    Syscalls sys = poller.sys;
    int fd = sys.unixSocket();
    try {
      int result = sys.connect(fd, remote);
      return new EpollStream(poller, fd, Kind.SOCKET, result == 0, remote, result);
    } catch (RuntimeException e) {
      sys.libc.close(fd);
      throw e;
    }
  }

  /** A socket returned by {@code accept4}. */
  static EpollStream accepted(EpollPoller poller, int fd) {
    return new EpollStream(poller, fd, Kind.SOCKET, true, null, 0);
  }

  /** One end of a pipe. */
  static EpollStream pipeEnd(EpollPoller poller, int fd, Kind kind) {
    return new EpollStream(poller, fd, kind, true, null, 0);
  }

  /**
   * This socket as a stream of {@code poller} (see {@link EpollPoller#adopt}), keeping its
   * connect and reset state; this stream gives up the descriptor and reads as closed.
   */
  EpollStream adoptedBy(EpollPoller poller) throws IOException {
    int f = openFd();
    if (kind != Kind.SOCKET) {
      throw new IllegalArgumentException("a pipe end cannot be adopted: " + this);
    }
    if (registrationId != 0) {
      throw new IllegalArgumentException(
          "a stream registered with a poller cannot be adopted: " + this);
    }
    EpollStream adopted =
        new EpollStream(poller, f, kind, connected, remoteAddress, connectErrno);
    adopted.reset = reset;
    fd = -1;
    released();
    return adopted;
  }

  @Override
  boolean isSocket() {
    return kind == Kind.SOCKET;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    int f = openFd();
    if (kind == Kind.PIPE_SINK) {
      throw new NonReadableChannelException();
    }
    if (dst.isReadOnly()) {
      throw new IllegalArgumentException("read into a read-only buffer");
    }
    int position = dst.position();
    int remaining = dst.limit() - position;
    if (remaining == 0) {
      return 0;
    }
    int n;
    if (dst.isDirect()) {
      n = (int) sys.libc.read(f, addressOf(dst) + position, remaining);
      if (n > 0) {
        dst.position(position + n);
        return n;
      }
    } else {
      n = jnr.enxio.channels.Native.read(f, dst);
      if (n > 0) {
        return n;
      }
    }
    if (n == 0) {
      if (reset) {
        throw ErrnoExceptions.connectionReset();
      }
      return -1;
    }
    return nothingOr(sys.errno());
  }

  @Override
  public int write(ByteBuffer src) throws IOException {
    int f = openFd();
    if (kind == Kind.PIPE_SOURCE) {
      throw new NonWritableChannelException();
    }
    if (reset) {
      throw ErrnoExceptions.connectionReset();
    }
    int position = src.position();
    int remaining = src.limit() - position;
    if (remaining == 0) {
      return 0;
    }
    int n;
    if (src.isDirect()) {
      n = (int) sys.libc.write(f, addressOf(src) + position, remaining);
      if (n > 0) {
        src.position(position + n);
        return n;
      }
    } else {
      n = jnr.enxio.channels.Native.write(f, src);
      if (n > 0) {
        return n;
      }
    }
    return n == 0 ? 0 : nothingOr(sys.errno());
  }

  /**
   * 0 for "try again later" errors; throws for the others (a reset, a broken pipe, ...),
   * remembering a reset.
   */
  private int nothingOr(int errno) throws IOException {
    if (errno == EAGAIN || errno == EINTR) {
      return 0;
    }
    if (errno == ECONNRESET) {
      reset = true;
    }
    throw ErrnoExceptions.streamFailed(errno);
  }

  private long addressOf(ByteBuffer direct) {
    if (direct != lastBuffer) {
      lastAddress = DirectMemory.addressOf(direct);
      lastBuffer = direct;
    }
    return lastAddress;
  }

  @Override
  public boolean finishConnect() throws IOException {
    if (connected) {
      return true;
    }
    int f = openFd();
    if (connectErrno == 0) {
      connectErrno = sys.intOption(f, LinuxConstants.SOL_SOCKET, LinuxConstants.SO_ERROR);
    }
    if (connectErrno != 0) {
      throw ErrnoExceptions.connectFailed(connectErrno);
    }
    connected = sys.socketName(f, true).isPresent();
    return connected;
  }

  @Override
  public void shutdownOutput() throws IOException {
    int f = openFd();
    switch (kind) {
      case PIPE_SOURCE -> throw new NonWritableChannelException();
      case PIPE_SINK -> close(); // a pipe has no half-close: closing the sink ends the stream
      case SOCKET -> {
        if (sys.libc.shutdown(f, LinuxConstants.SHUT_WR) < 0) {
          int errno = sys.errno();
          if (errno == ENOTCONN) {
            throw new NotYetConnectedException();
          }
          throw ErrnoExceptions.callFailed("shutdown", errno);
        }
      }
    }
  }

  @Override
  public Optional<SocketAddress> remoteAddress() {
    if (remoteAddress == null && fd >= 0 && kind == Kind.SOCKET) {
      remoteAddress = sys.socketName(fd, true).orElse(null);
    }
    return Optional.ofNullable(remoteAddress);
  }

  @Override
  void released() {
    lastBuffer = null;
  }
}

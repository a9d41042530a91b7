package asyncigo.poll.epoll;

import static asyncigo.poll.epoll.ErrnoExceptions.EAGAIN;
import static asyncigo.poll.epoll.ErrnoExceptions.ECONNABORTED;
import static asyncigo.poll.epoll.ErrnoExceptions.EINTR;
import static asyncigo.poll.epoll.LinuxConstants.SOCK_CLOEXEC;
import static asyncigo.poll.epoll.LinuxConstants.SOCK_NONBLOCK;

import asyncigo.api.spi.PollAcceptor;
import asyncigo.api.spi.PollStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;

/**
 * A listening TCP or Unix domain socket. Accepted sockets are non-blocking and close-on-exec from the start
 * ({@code accept4}), and inherit TCP_NODELAY from the listener, which the poller sets. Loop-confined.
 */
final class EpollAcceptor extends EpollChannel implements PollAcceptor {
  private EpollAcceptor(EpollPoller poller, int fd) {
    super(poller, fd);
  }

  /**
   * A new socket bound to {@code local} (SO_REUSEADDR and TCP_NODELAY on, and SO_REUSEPORT when
   * {@code sharePort}) and listening; the descriptor is closed if a step fails.
   */
  static EpollAcceptor listen(
      EpollPoller poller, InetSocketAddress local, int backlog, boolean sharePort)
      throws IOException {
    Syscalls sys = poller.sys;
    int fd = sys.socketFor(local);
    try {
      sys.setIntOption(fd, LinuxConstants.SOL_SOCKET, LinuxConstants.SO_REUSEADDR, 1);
      if (sharePort) {
        sys.setIntOption(fd, LinuxConstants.SOL_SOCKET, LinuxConstants.SO_REUSEPORT, 1);
      }
      sys.setIntOption(fd, LinuxConstants.IPPROTO_TCP, LinuxConstants.TCP_NODELAY, 1);
      int errno = sys.bind(fd, local);
      if (errno != 0) {
        throw ErrnoExceptions.bindFailed(errno, local);
      }
      if (sys.libc.listen(fd, backlog) < 0) {
        throw ErrnoExceptions.callFailed("listen", sys.errno());
      }
      return new EpollAcceptor(poller, fd);
    } catch (IOException | RuntimeException e) {
      sys.libc.close(fd);
      throw e;
    }
  }

  /**
   * A new Unix domain socket bound to {@code local} (which creates the socket file) and
   * listening; the descriptor is closed if a step fails (the file stays: the loop owns it).
   */
  static EpollAcceptor listenUnix(EpollPoller poller, UnixDomainSocketAddress local, int backlog)
      throws IOException {
    Syscalls sys = poller.sys;
    int fd = sys.unixSocket();
    try {
      int errno = sys.bind(fd, local);
      if (errno != 0) {
        throw ErrnoExceptions.bindFailed(errno, local);
      }
      if (sys.libc.listen(fd, backlog) < 0) {
        throw ErrnoExceptions.callFailed("listen", sys.errno());
      }
      return new EpollAcceptor(poller, fd);
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
  public PollStream accept() throws IOException {
    int f = openFd();
    int accepted = sys.libc.accept4(f, 0, 0, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (accepted >= 0) {
      return EpollStream.accepted(poller, accepted);
    }
    int errno = sys.errno();
    if (errno == EAGAIN || errno == EINTR || errno == ECONNABORTED) {
      return null; // level-triggered: a connection still pending is reported again
    }
    throw ErrnoExceptions.callFailed("accept4", errno);
  }
}

package asyncigo.poll.epoll;

import static asyncigo.poll.epoll.ErrnoExceptions.EAGAIN;
import static asyncigo.poll.epoll.ErrnoExceptions.ECONNABORTED;
import static asyncigo.poll.epoll.ErrnoExceptions.EINTR;
import static asyncigo.poll.epoll.LinuxConstants.SOCK_CLOEXEC;
import static asyncigo.poll.epoll.LinuxConstants.SOCK_NONBLOCK;

import asyncigo.api.spi.PollAcceptor;
import asyncigo.api.spi.PollStream;
import java.io.IOException;

/**
 * A listening TCP socket. Accepted sockets are non-blocking and close-on-exec from the start
 * ({@code accept4}), and inherit TCP_NODELAY from the listener, which the poller sets. Loop-confined.
 */
final class EpollAcceptor extends EpollChannel implements PollAcceptor {
  EpollAcceptor(EpollPoller poller, int fd) {
    super(poller, fd);
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

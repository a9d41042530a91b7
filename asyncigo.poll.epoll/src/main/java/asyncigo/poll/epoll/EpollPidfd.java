package asyncigo.poll.epoll;

/**
 * A process descriptor ({@code pidfd_open}): epoll reports it readable once the process has
 * exited. The exit watch of an {@link EpollProcess}. Loop-confined.
 */
final class EpollPidfd extends EpollChannel {
  EpollPidfd(EpollPoller poller, int fd) {
    super(poller, fd);
  }

  @Override
  boolean isSocket() {
    return false;
  }
}

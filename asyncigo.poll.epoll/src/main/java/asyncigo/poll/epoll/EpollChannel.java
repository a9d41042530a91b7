package asyncigo.poll.epoll;

import asyncigo.api.spi.PollChannel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.ClosedChannelException;
import java.util.Optional;

/**
 * A channel that owns one file descriptor, made by an {@link EpollPoller}. Loop-confined.
 *
 * <p>{@link #fd} is -1 once closed. Before the descriptor is closed the channel leaves its poller's
 * epoll set ({@code EPOLL_CTL_DEL}), so that a later descriptor with the same number is never
 * confused with it. The registration fields are owned by the poller.
 */
abstract sealed class EpollChannel implements PollChannel
    permits EpollStream, EpollAcceptor, EpollDatagram, EpollPidfd {
  final EpollPoller poller;
  final Syscalls sys;
  /** The descriptor, or -1 once closed. */
  int fd;

  /** Set by the poller: nonzero while registered; tags this registration's epoll events. */
  int registrationId;
  /** Set by the poller: the interest set while registered. */
  int interest;
  /** Set by the poller: handed back with readiness. */
  Object attachment;

  private SocketAddress localAddress;

  EpollChannel(EpollPoller poller, int fd) {
    this.poller = poller;
    this.sys = poller.sys;
    this.fd = fd;
  }

  /** Whether this is a socket (pipe ends are not). */
  abstract boolean isSocket();

  @Override
  public final boolean isOpen() {
    return fd >= 0;
  }

  /** The open descriptor. */
  final int openFd() throws ClosedChannelException {
    int f = fd;
    if (f < 0) {
      throw new ClosedChannelException();
    }
    return f;
  }

  @Override
  public final Optional<SocketAddress> localAddress() {
    if (localAddress == null && fd >= 0 && isSocket()) {
      localAddress = sys.socketName(fd, false)
          .filter(a -> !(a instanceof InetSocketAddress inet) || inet.getPort() != 0)
          .orElse(null);
    }
    return Optional.ofNullable(localAddress);
  }

  @Override
  public final void close() {
    int f = fd;
    if (f < 0) {
      return;
    }
    poller.forget(this);
    fd = -1;
    released();
    sys.libc.close(f);
  }

  /** Drops what the channel holds besides its descriptor; called once, on close. */
  void released() {}

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[fd=" + fd + "]";
  }
}

package asyncigo.poll.epoll;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The registered channels of one poller, indexed by file descriptor: the kernel hands back a
 * descriptor, and this finds its channel in one array load. Descriptors are small and dense (the
 * kernel gives out the lowest free one), so the array stays about as long as the highest open
 * descriptor. Loop-confined.
 */
final class ChannelTable {
  private EpollChannel[] byFd = new EpollChannel[64];

  /** The channel registered under {@code fd}, or null. */
  EpollChannel get(int fd) {
    EpollChannel[] table = byFd;
    return fd < table.length ? table[fd] : null;
  }

  void put(int fd, EpollChannel channel) {
    if (fd >= byFd.length) {
      byFd = Arrays.copyOf(byFd, Math.max(fd + 1, byFd.length * 2));
    }
    byFd[fd] = channel;
  }

  void remove(int fd) {
    if (fd < byFd.length) {
      byFd[fd] = null;
    }
  }

  /** Removes every channel, handing each to {@code action} first. */
  void drain(Consumer<EpollChannel> action) {
    for (int fd = 0; fd < byFd.length; fd++) {
      EpollChannel channel = byFd[fd];
      if (channel != null) {
        byFd[fd] = null;
        action.accept(channel);
      }
    }
  }
}

package asyncigo.poll.epoll;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The valid keys of one poller, indexed by file descriptor: the kernel hands back a
 * descriptor, and this finds its key in one array load. Descriptors are small and dense (the
 * kernel gives out the lowest free one), so the array stays about as long as the highest open
 * descriptor. Loop-confined.
 */
final class ChannelTable {
  private EpollKey[] byFd = new EpollKey[64];

  /** The key registered under {@code fd}, or null. */
  EpollKey get(int fd) {
    EpollKey[] table = byFd;
    return fd < table.length ? table[fd] : null;
  }

  void put(int fd, EpollKey key) {
    if (fd >= byFd.length) {
      byFd = Arrays.copyOf(byFd, Math.max(fd + 1, byFd.length * 2));
    }
    byFd[fd] = key;
  }

  void remove(int fd) {
    if (fd < byFd.length) {
      byFd[fd] = null;
    }
  }

  /** Removes every key, handing each to {@code action} first. */
  void drain(Consumer<EpollKey> action) {
    for (int fd = 0; fd < byFd.length; fd++) {
      EpollKey key = byFd[fd];
      if (key != null) {
        byFd[fd] = null;
        action.accept(key);
      }
    }
  }
}

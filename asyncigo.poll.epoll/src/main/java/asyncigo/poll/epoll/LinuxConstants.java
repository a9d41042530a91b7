package asyncigo.poll.epoll;

/**
 * Linux constants for x86-64 and aarch64 (both use the generic values below; architectures that
 * differ, such as MIPS or SPARC, are reported unavailable by {@link NativeProbe}). Errno values come
 * from jnr-constants instead, through {@link ErrnoExceptions}.
 */
final class LinuxConstants {
  private LinuxConstants() {}

  // <fcntl.h>: the flags every descriptor is created with.
  static final int O_NONBLOCK = 0x800;
  static final int O_CLOEXEC = 0x80000;

  // <sys/epoll.h>
  static final int EPOLL_CLOEXEC = O_CLOEXEC;
  static final int EPOLL_CTL_ADD = 1;
  static final int EPOLL_CTL_DEL = 2;
  static final int EPOLL_CTL_MOD = 3;
  static final int EPOLLIN = 0x001;
  static final int EPOLLOUT = 0x004;
  static final int EPOLLERR = 0x008;
  static final int EPOLLHUP = 0x010;

  // <sys/eventfd.h>
  static final int EFD_NONBLOCK = O_NONBLOCK;
  static final int EFD_CLOEXEC = O_CLOEXEC;

  // <sys/socket.h>, <netinet/in.h>, <netinet/tcp.h>
  static final int AF_UNIX = 1;
  static final int AF_INET = 2;
  static final int AF_INET6 = 10;
  static final int SOCK_STREAM = 1;
  static final int SOCK_DGRAM = 2;
  static final int SOCK_NONBLOCK = O_NONBLOCK;
  static final int SOCK_CLOEXEC = O_CLOEXEC;
  static final int SOL_SOCKET = 1;
  static final int SO_REUSEADDR = 2;
  static final int SO_ERROR = 4;
  static final int SO_BROADCAST = 6;
  static final int SO_SNDBUF = 7;
  static final int SO_RCVBUF = 8;
  static final int SO_REUSEPORT = 15;
  static final int IPPROTO_TCP = 6;
  static final int TCP_NODELAY = 1;
  static final int SHUT_WR = 1;

  /** {@code sizeof(struct sockaddr_storage)}. */
  static final int SOCKADDR_STORAGE_SIZE = 128;
}

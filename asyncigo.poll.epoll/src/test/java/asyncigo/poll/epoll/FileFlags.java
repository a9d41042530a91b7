package asyncigo.poll.epoll;

import jnr.constants.platform.Fcntl;
import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;

/** A descriptor's flags, read with {@code fcntl} through jnr-posix. */
final class FileFlags {
  private static final POSIX POSIX = POSIXFactory.getNativePOSIX();
  private static final int FD_CLOEXEC = 1;

  private FileFlags() {}

  /** {@code fcntl(fd, F_GETFL)}: the file status flags (O_NONBLOCK, ...). */
  static int status(int fd) {
    return check(POSIX.fcntl(fd, Fcntl.F_GETFL), fd);
  }

  /** Whether {@code fcntl(fd, F_GETFD)} has FD_CLOEXEC. */
  static boolean closeOnExec(int fd) {
    return (check(POSIX.fcntl(fd, Fcntl.F_GETFD), fd) & FD_CLOEXEC) != 0;
  }

  private static int check(int result, int fd) {
    if (result < 0) {
      throw new IllegalStateException("fcntl(" + fd + ") failed: errno " + POSIX.errno());
    }
    return result;
  }
}

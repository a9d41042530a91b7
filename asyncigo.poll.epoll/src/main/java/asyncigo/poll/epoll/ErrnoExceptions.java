package asyncigo.poll.epoll;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.SocketAddress;
import java.net.SocketException;
import jnr.constants.platform.Errno;

/** Turns an {@code errno} into an exception whose message names the call and the error. */
final class ErrnoExceptions {
  private ErrnoExceptions() {}

  static final int EINTR = Errno.EINTR.intValue();
  static final int EAGAIN = Errno.EAGAIN.intValue();
  static final int EINPROGRESS = Errno.EINPROGRESS.intValue();
  static final int ECONNABORTED = Errno.ECONNABORTED.intValue();
  static final int ECONNREFUSED = Errno.ECONNREFUSED.intValue();
  static final int ENOTCONN = Errno.ENOTCONN.intValue();
  static final int ECONNRESET = Errno.ECONNRESET.intValue();

  /** The C library's description of {@code errno}, e.g. "Connection reset by peer". */
  static String describe(int errno) {
    Errno e = Errno.valueOf(errno);
    return e == Errno.__UNKNOWN_CONSTANT__ ? "errno " + errno : e.description();
  }

  /** {@code "<call> failed: <description> (<ERRNO>)"}, e.g. for {@code epoll_ctl}. */
  static IOException callFailed(String call, int errno) {
    Errno e = Errno.valueOf(errno);
    String name = e == Errno.__UNKNOWN_CONSTANT__ ? Integer.toString(errno) : e.name();
    return new IOException(call + " failed: " + describe(errno) + " (" + name + ")");
  }

  /**
   * An error on an established stream: a reset is {@link #connectionReset()}; any other error an
   * {@link IOException} whose message is the description alone, e.g. "Broken pipe".
   */
  static IOException streamFailed(int errno) {
    return errno == ECONNRESET ? connectionReset() : new IOException(describe(errno));
  }

  /** The peer reset the connection: {@link SocketException} "Connection reset", as NIO throws. */
  static SocketException connectionReset() {
    return new SocketException("Connection reset");
  }

  /**
   * A failed connect: the description alone, e.g. {@code "Connection refused"}, as {@link
   * java.nio.channels.SocketChannel#finishConnect} says it; the loop adds the address.
   */
  static ConnectException connectFailed(int errno) {
    return new ConnectException(describe(errno));
  }

  /** A failed bind: {@code "Address already in use: <local>"}. */
  static BindException bindFailed(int errno, SocketAddress local) {
    return new BindException(describe(errno) + ": " + local);
  }
}

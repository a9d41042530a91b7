package asyncigo.poll.epoll;

import static asyncigo.poll.epoll.LinuxConstants.EFD_CLOEXEC;
import static asyncigo.poll.epoll.LinuxConstants.EFD_NONBLOCK;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The poller's wake-up: an eventfd in its epoll set, written to wake {@code epoll_wait}.
 *
 * <p>{@link #signal()} is thread-safe; the rest is loop-confined. A signal writes only when it
 * turns {@link #pending} from false to true, so a burst of signals costs one write. {@link
 * #drain()} empties the counter first and clears {@code pending} second: a signal landing in
 * between finds {@code pending} still set and is absorbed by the poll that is returning anyway,
 * while one landing after writes again. Signals and {@link #close()} synchronize on {@link #lock}
 * so that no signal writes to the descriptor number after close released it (it may already name
 * another file).
 */
final class EventfdWakeup {
  final int fd;
  private final Syscalls sys;
  /** Holds the 8-byte value 1; only ever read by the kernel, so any thread may pass it. */
  private final DirectMemory one = DirectMemory.allocate(8);
  private final AtomicBoolean pending = new AtomicBoolean();
  private final Object lock = new Object();
  private boolean closed; // guarded by lock

  private EventfdWakeup(Syscalls sys, int fd) {
    this.sys = sys;
    this.fd = fd;
    one.buffer.putLong(0, 1);
  }

  /** {@code eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)}. */
  static EventfdWakeup open(Syscalls sys) throws IOException {
    int fd = sys.libc.eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (fd < 0) {
      throw ErrnoExceptions.callFailed("eventfd", sys.errno());
    }
    return new EventfdWakeup(sys, fd);
  }

  /** Thread-safe: makes the eventfd readable, unless a signal is already pending or closed. */
  void signal() {
    if (pending.getAndSet(true)) {
      return;
    }
    synchronized (lock) {
      if (!closed) {
        sys.libc.write(fd, one.address, 8); // cannot fail: the counter never exceeds a few
      }
    }
  }

  /** Loop-confined: empties the eventfd after it was reported readable. */
  void drain() {
    sys.libc.read(fd, sys.valueAddress(), 8);
    pending.set(false);
  }

  /** Loop-confined: closes the eventfd; later signals do nothing. */
  void close() {
    synchronized (lock) {
      closed = true;
      pending.set(true);
      sys.libc.close(fd);
    }
  }
}

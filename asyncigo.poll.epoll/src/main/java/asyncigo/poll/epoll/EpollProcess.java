package asyncigo.poll.epoll;

import asyncigo.api.process.ProcessSpec;
import asyncigo.api.spi.PollChannel;
import asyncigo.api.spi.PollStream;
import asyncigo.api.spi.SpawnedProcess;
import asyncigo.poll.epoll.sys.SpawnLibC;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A child started by {@link PosixSpawn} for the epoll poller, with no thread: its pipe ends are
 * {@link EpollStream}s and its exit watch a pidfd ({@code pidfd_open}, Linux 5.3+), which epoll
 * reports readable once the child has exited. {@link #exitStatus()} then reaps it with {@code
 * waitpid(WNOHANG)}. Signals go through {@code pidfd_send_signal}, which can never reach another
 * process that reused the id. Loop-confined.
 */
final class EpollProcess implements SpawnedProcess {
  // System call numbers, the same on x86-64 and aarch64 (the generic table).
  private static final long PIDFD_SEND_SIGNAL = 424;
  private static final long PIDFD_OPEN = 434;
  private static final int WNOHANG = 1;
  private static final int POLLIN = 1;
  private static final int ESRCH = 3;

  private final int pid;
  private final EpollPidfd pidfd;
  private final EpollStream stdin;
  private final EpollStream stdout;
  private final EpollStream stderr;
  /** Room for the wait status and one {@code struct pollfd}. */
  private final DirectMemory scratch = DirectMemory.allocate(16);
  private OptionalInt status = OptionalInt.empty();

  private EpollProcess(
      int pid, EpollPidfd pidfd, EpollStream stdin, EpollStream stdout, EpollStream stderr) {
    this.pid = pid;
    this.pidfd = pidfd;
    this.stdin = stdin;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  static EpollProcess start(EpollPoller poller, ProcessSpec spec) throws IOException {
    PosixSpawn.Child child = PosixSpawn.start(poller.sys, spec);
    long fd = PosixSpawn.libc().syscall(PIDFD_OPEN, child.pid(), 0, 0, 0);
    if (fd < 0) {
      IOException failure = ErrnoExceptions.callFailed("pidfd_open", PosixSpawn.errno());
      abandon(poller, child);
      throw new IOException(
          failure.getMessage() + ": the epoll poller watches processes through pidfds (Linux"
              + " 5.3+); -Dasyncigo.poller=nio runs them on any kernel", failure);
    }
    return new EpollProcess(
        child.pid(),
        new EpollPidfd(poller, (int) fd),
        end(poller, child.stdin(), EpollStream.Kind.PIPE_SINK),
        end(poller, child.stdout(), EpollStream.Kind.PIPE_SOURCE),
        end(poller, child.stderr(), EpollStream.Kind.PIPE_SOURCE));
  }

  /** Kills and reaps a child that cannot be watched, and closes its pipe ends. */
  private static void abandon(EpollPoller poller, PosixSpawn.Child child) {
    SpawnLibC libc = PosixSpawn.libc();
    libc.kill(child.pid(), SIGKILL);
    DirectMemory wait = DirectMemory.allocate(8);
    while (libc.waitpid(child.pid(), wait.address, 0) < 0
        && PosixSpawn.errno() == ErrnoExceptions.EINTR) {
      // retry: the child is killed, so the wait is short
    }
    for (int fd : new int[] {child.stdin(), child.stdout(), child.stderr()}) {
      if (fd >= 0) {
        poller.sys.libc.close(fd);
      }
    }
  }

  private static EpollStream end(EpollPoller poller, int fd, EpollStream.Kind kind) {
    return fd < 0 ? null : EpollStream.pipeEnd(poller, fd, kind);
  }

  @Override
  public long pid() {
    return pid;
  }

  @Override
  public Optional<PollStream> stdin() {
    return Optional.ofNullable(stdin);
  }

  @Override
  public Optional<PollStream> stdout() {
    return Optional.ofNullable(stdout);
  }

  @Override
  public Optional<PollStream> stderr() {
    return Optional.ofNullable(stderr);
  }

  @Override
  public PollChannel exitWatch() {
    return pidfd;
  }

  @Override
  public OptionalInt exitStatus() throws IOException {
    if (status.isPresent()) {
      return status;
    }
    SpawnLibC libc = PosixSpawn.libc();
    int reaped;
    do {
      reaped = libc.waitpid(pid, scratch.address, WNOHANG);
    } while (reaped < 0 && PosixSpawn.errno() == ErrnoExceptions.EINTR);
    if (reaped < 0) {
      throw ErrnoExceptions.callFailed("waitpid", PosixSpawn.errno());
    }
    if (reaped == pid) {
      int wait = scratch.buffer.getInt(0);
      int signal = wait & 0x7f;
      status = OptionalInt.of(signal == 0 ? (wait >> 8) & 0xff : 128 + signal);
    }
    return status;
  }

  @Override
  public OptionalInt awaitExit(Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    OptionalInt exit = exitStatus();
    while (exit.isEmpty() && pidfd.isOpen()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return exit;
      }
      scratch.buffer.putInt(8, pidfd.fd).putShort(12, (short) POLLIN).putShort(14, (short) 0);
      int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, left / 1_000_000));
      if (PosixSpawn.libc().poll(scratch.address + 8, 1, millis) < 0
          && PosixSpawn.errno() != ErrnoExceptions.EINTR) {
        throw ErrnoExceptions.callFailed("poll", PosixSpawn.errno());
      }
      exit = exitStatus();
    }
    return exit;
  }

  @Override
  public void signal(int signal) throws IOException {
    if (status.isPresent() || !pidfd.isOpen()) {
      return;
    }
    if (PosixSpawn.libc().syscall(PIDFD_SEND_SIGNAL, pidfd.fd, signal, 0, 0) < 0) {
      int errno = PosixSpawn.errno();
      if (errno != ESRCH) { // ESRCH: it has exited and waits to be reaped
        throw ErrnoExceptions.callFailed("pidfd_send_signal", errno);
      }
    }
  }

  @Override
  public String toString() {
    return "EpollProcess[pid " + pid + ", pidfd " + pidfd.fd + "]";
  }
}

package asyncigo.api.spi;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A child process started by {@link Poller#spawn}: its id, the parent's ends of its pipes and a
 * channel that becomes readable once it has exited. Loop-confined, like the poller.
 *
 * <p>The loop registers the pipe ends and {@link #exitWatch()} with the poller and owns them from
 * then on (it closes them). When the exit watch reports {@link Poller#READ}, {@link #exitStatus()}
 * reaps the child. Until it is reaped the child's id cannot be reused, so {@link #signal} never
 * reaches another process; afterwards signals are dropped.
 *
 * @since 0.1
 */
public interface SpawnedProcess {
  /** SIGTERM's number. */
  int SIGTERM = 15;

  /** SIGKILL's number. */
  int SIGKILL = 9;

  /** {@return the child's process id} */
  long pid();

  /** {@return the parent's (writing) end of the child's stdin pipe; empty if not piped} */
  Optional<PollStream> stdin();

  /** {@return the parent's (reading) end of the child's stdout pipe; empty if not piped} */
  Optional<PollStream> stdout();

  /** {@return the parent's (reading) end of the child's stderr pipe; empty if not piped} */
  Optional<PollStream> stderr();

  /**
   * {@return a channel that the poller reports {@link Poller#READ} for once the child has exited}
   * Not registered yet.
   */
  PollChannel exitWatch();

  /**
   * Reaps the child if it has exited, without waiting: its exit code (0 to 255, or 128 + N when
   * signal N ended it), the same on every later call; empty while it runs.
   *
   * @return the exit code, or empty
   * @throws IOException if asking the OS fails
   */
  OptionalInt exitStatus() throws IOException;

  /**
   * Blocks the calling thread until the child has exited (and reaps it) or {@code timeout} has
   * passed: for closing the loop, when nothing else may run.
   *
   * @param timeout the longest wait
   * @return the exit code as {@link #exitStatus()}, or empty if the child still runs
   * @throws IOException if asking the OS fails
   * @throws InterruptedException if the thread is interrupted while it waits
   */
  OptionalInt awaitExit(Duration timeout) throws IOException, InterruptedException;

  /**
   * Sends signal {@code signal} ({@link #SIGTERM} or {@link #SIGKILL}) to the child, unless it was
   * reaped.
   *
   * @param signal the signal's number
   * @throws IOException if sending fails for another reason than the child having exited
   * @throws IllegalArgumentException if the backend cannot send that signal
   */
  void signal(int signal) throws IOException;
}

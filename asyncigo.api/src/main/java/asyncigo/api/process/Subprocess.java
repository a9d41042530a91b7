package asyncigo.api.process;

import asyncigo.api.Future;
import asyncigo.api.net.AsyncStream;
import java.io.IOException;
import java.util.Optional;

/**
 * A child process started by {@link asyncigo.api.Loop#exec(ProcessSpec)} (asyncio's {@code
 * Process}), with its piped standard streams as {@link AsyncStream}s of the loop.
 *
 * <p><b>Streams.</b> {@link #stdin()} is write-only ({@code write}, {@code drain}, {@code flush};
 * {@code close} or {@code shutdownOutput} gives the child end of file), {@link #stdout()} and
 * {@link #stderr()} are read-only ({@code readLine}, {@code lines}, {@code readAll}, ...); the
 * other direction throws {@link UnsupportedOperationException}. Writing to a child that closed
 * its input (or exited) throws {@link IOException} "Broken pipe". A child's output is buffered by
 * the pipe (64 KiB on Linux): a child that writes more than that to a stream nobody reads stops
 * until it is read, so read both streams, or use {@link #communicate(byte[])}.
 *
 * <p><b>Exit codes</b> are a shell's: the status the child exited with (0 to 255), or {@code 128 +
 * N} when signal N ended it: 143 after {@link #terminate()} (SIGTERM, 15), 137 after {@link
 * #kill()} (SIGKILL, 9). (asyncio gives {@code -N}; {@link ProcessBuilder}'s processes give {@code
 * 128 + N} on Linux as well.)
 *
 * <p><b>Cancellation.</b> Cancelling a task that awaits {@link #waitFor()} or {@link
 * #communicate(byte[])} does not touch the process: it runs on, and can still be awaited, signalled
 * or read. {@code communicate} stops its own reading and writing.
 *
 * <p><b>Closing the loop</b> ends the children the loop still owns (those not yet seen to exit):
 * each gets SIGTERM, then SIGKILL if it has not exited within {@link #CLOSE_GRACE_MILLIS}
 * milliseconds, and is reaped, so that no zombie is left; their streams are closed. {@code
 * Loop.close} blocks while it waits for them.
 *
 * <p><b>Threading.</b> Loop-confined: every method but {@link #pid()} must be called on the loop's
 * thread (it throws {@link IllegalStateException} naming the method and the thread before it
 * changes anything). {@link #pid()} is thread-safe.
 *
 * @since 0.1
 */
public interface Subprocess {
  /** How long closing the loop waits for a child to exit after SIGTERM before it sends SIGKILL. */
  long CLOSE_GRACE_MILLIS = 500;

  /** {@return the child's process id} Thread-safe. */
  long pid();

  /**
   * The child's standard input, a write-only stream; closing it gives the child end of file.
   *
   * @return the stream
   * @throws IllegalStateException if the spec did not ask for a pipe (the message names the
   *     redirect)
   */
  AsyncStream stdin();

  /**
   * The child's standard output, a read-only stream (also its standard error with {@link
   * ProcessSpec.Redirect#STDOUT}).
   *
   * @return the stream
   * @throws IllegalStateException if the spec did not ask for a pipe (the message names the
   *     redirect)
   */
  AsyncStream stdout();

  /**
   * The child's standard error, a read-only stream.
   *
   * @return the stream
   * @throws IllegalStateException if the spec did not ask for a pipe (the message names the
   *     redirect)
   */
  AsyncStream stderr();

  /**
   * Suspends the calling task until the child has exited, and returns its exit code (at once if it
   * has already). Cancelling the task does not touch the child (see the type's documentation).
   * Called again, returns the same code.
   *
   * @return the exit code: 0 to 255, or 128 + N after signal N
   * @throws asyncigo.api.CancelledException if the calling task is cancelled meanwhile
   * @throws IllegalStateException if called outside a task of the loop
   */
  int waitFor();

  /**
   * A future completed with the exit code once the child has exited: a new future on every call,
   * so that cancelling one affects neither the child nor the other futures.
   *
   * @return the future of the exit code
   */
  Future<Integer> exit();

  /** {@return the exit code once the loop has seen the child exit, empty while it runs} */
  Optional<Integer> exitCode();

  /** Sends SIGTERM. Does nothing once the child has exited and was reaped. */
  void terminate();

  /** Sends SIGKILL. Does nothing once the child has exited and was reaped. */
  void kill();

  /**
   * Writes {@code input} to stdin and closes it, reads stdout and stderr to their end at the same
   * time (so that a child filling one pipe while the other is read cannot deadlock), and waits for
   * the child to exit (asyncio's {@code communicate}). A stream that is not piped reads as no
   * bytes; input given to a child whose stdin is not piped is refused before anything happens. If
   * the child exits without reading all its input, the rest is dropped ("Broken pipe" is not an
   * error here). If the calling task is cancelled, the reads and the write stop and the child
   * runs on.
   *
   * @param input the bytes for stdin, or null to close stdin at once (if it is piped)
   * @return the exit code and everything read from stdout and stderr
   * @throws IOException if reading or writing fails otherwise, or a stream was closed meanwhile
   * @throws IllegalStateException if {@code input} is not null and stdin is not piped, if
   *     another task reads stdout or stderr, or if called outside a task of the loop
   * @throws asyncigo.api.CancelledException if the calling task is cancelled meanwhile
   */
  ProcessResult communicate(byte[] input) throws IOException;
}

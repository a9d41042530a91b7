package asyncigo.api.net;

import asyncigo.api.Future;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;

/**
 * A listening server from {@link asyncigo.api.Loop#listen} (TCP) or {@link
 * asyncigo.api.Loop#listenUnix} (a Unix domain socket): accepts connections and runs a handler
 * task for each ({@code "connection HOST:PORT"}, or {@code "connection unix:PATH"}). When a
 * handler returns, what it wrote is flushed and its stream closed.
 *
 * <p><b>Reports.</b> A handler that returns normally is never reported to the loop's exception
 * handler, whatever became of its stream: closed by the handler, or reset by the peer so that the
 * final flush fails (that failure is logged at debug level; it is not the handler's error). An
 * exception that escapes a handler fails its task and reaches the exception handler exactly once.
 *
 * <p><b>Lifetime.</b> The server listens until {@link #close()}; closing the loop closes it, and
 * every connection stream still open, too. A Unix domain socket server deletes its socket file
 * when it closes (unless the file was replaced by another one meanwhile).
 *
 * <p><b>Graceful shutdown.</b> {@link #shutdown(Duration)} stops accepting at once, lets the
 * running handlers finish within a grace period, then closes what is still open; with {@link
 * asyncigo.api.Loop#onSignal} it answers SIGTERM:
 * {@code loop.onSignal("TERM", () -> server.shutdown(Duration.ofSeconds(5)))} beside {@link
 * #serveForever()}.
 *
 * <p><b>Threading.</b> {@link #serveForever()}, {@link #close()}, {@link #closeAll()} and {@link
 * #shutdown(Duration)} are loop-confined: called from another thread they throw {@link IllegalStateException} naming the
 * method and the thread before they change anything, so the server goes on accepting and a later
 * close on the loop thread still ends {@code serveForever()}. {@link #localAddress()}, {@link
 * #address()} and {@link #connections()} are thread-safe (a metrics thread may poll them).
 *
 * @since 0.1
 */
public interface Server extends AutoCloseable {
  /**
   * The bound TCP address (with the actual port when 0 was asked for). Thread-safe.
   *
   * @return the bound address
   * @throws UnsupportedOperationException for a Unix domain socket server, which has no IP
   *     address or port: its message says to call {@link #address()}
   */
  InetSocketAddress localAddress();

  /**
   * The bound address of any kind of server: the {@link InetSocketAddress} of {@link
   * #localAddress()} for TCP, a {@link java.net.UnixDomainSocketAddress} (the socket file's path)
   * for a Unix domain socket server. Thread-safe.
   *
   * @return the bound address
   */
  default SocketAddress address() {
    return localAddress();
  }

  /**
   * The number of accepted connections whose handler has not returned. Thread-safe: another
   * thread sees the count as of a recent loop step.
   *
   * @return the number of open connections
   */
  int connections();

  /**
   * Suspends the calling task until the server is closed. Cancelling the waiting task closes the
   * server (as asyncio's {@code serve_forever}).
   *
   * @throws asyncigo.api.CancelledException if the calling task is cancelled
   * @throws asyncigo.api.UncheckedExecutionException wrapping the {@link java.io.IOException} that
   *     stopped accepting, if accepting failed
   */
  void serveForever();

  /** Stops accepting; connections already accepted go on. Idempotent. */
  @Override
  void close();

  /** Stops accepting and closes every open connection stream, cancelling their handlers. */
  void closeAll();

  /**
   * Shuts the server down gracefully, without suspending (a signal callback may call it): stops
   * accepting at once, as {@link #close()} does, so {@link #serveForever()} returns and new
   * connections are refused; lets the handlers still running go on for up to {@code grace}; then
   * closes the connections still open and cancels their handlers, as {@link #closeAll()} does.
   * A handler that returns within the grace is never disturbed.
   *
   * <p>Twice: a later call returns the same future; its grace counts only if it ends sooner than
   * the one running (so a second Ctrl-C can cut the wait short). After {@link #closeAll()} there
   * is nothing left to wait for. On close of the loop: the connections are closed with it. On
   * cancel: cancelling the returned future does not stop the shutdown.
   *
   * @param grace how long the running handlers may go on; zero closes them in the next iteration
   * @return a future of this server's loop, completed once every handler that was running has
   *     ended, with the number of connections that were still open when the grace ran out and
   *     were closed (0 if every handler returned in time)
   * @throws NullPointerException if grace is null
   * @throws IllegalArgumentException if grace is negative (nothing is changed then)
   * @throws IllegalStateException if called from another thread (nothing is changed then)
   */
  Future<Integer> shutdown(Duration grace);
}

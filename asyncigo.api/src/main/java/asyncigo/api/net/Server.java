package asyncigo.api.net;

import java.net.InetSocketAddress;

/**
 * A listening TCP server from {@link asyncigo.api.Loop#listen}: accepts connections and runs a
 * handler task for each ({@code "connection HOST:PORT"}). When a handler returns, what it wrote
 * is flushed and its stream closed.
 *
 * <p><b>Reports.</b> A handler that returns normally is never reported to the loop's exception
 * handler, whatever became of its stream: closed by the handler, or reset by the peer so that the
 * final flush fails (that failure is logged at debug level; it is not the handler's error). An
 * exception that escapes a handler fails its task and reaches the exception handler exactly once.
 *
 * <p><b>Lifetime.</b> The server listens until {@link #close()}; closing the loop closes it, and
 * every connection stream still open, too.
 *
 * <p><b>Threading.</b> {@link #serveForever()}, {@link #close()} and {@link #closeAll()} are
 * loop-confined: called from another thread they throw {@link IllegalStateException} naming the
 * method and the thread before they change anything, so the server goes on accepting and a later
 * close on the loop thread still ends {@code serveForever()}. {@link #localAddress()} and {@link
 * #connections()} are thread-safe (a metrics thread may poll them).
 *
 * @since 0.1
 */
public interface Server extends AutoCloseable {
  /** {@return the bound address (with the actual port when 0 was asked for)} Thread-safe. */
  InetSocketAddress localAddress();

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
}

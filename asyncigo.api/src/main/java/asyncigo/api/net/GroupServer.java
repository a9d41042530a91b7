package asyncigo.api.net;

import java.net.InetSocketAddress;

/**
 * A server of a {@link asyncigo.api.LoopGroup}, from {@link asyncigo.api.LoopGroup#listen}: one
 * {@link Server} per loop, each running the handler for the connections given to its loop.
 *
 * <p><b>Threading.</b> Thread-safe. {@link #localAddress()} and {@link #connections()} return at
 * once. {@link #serveForever()}, {@link #close()} and {@link #closeAll()} hand the work to every
 * loop and wait for it: called from a task (of any loop) they suspend it, called from a thread
 * that runs no loop they block it; called from a callback they throw {@link
 * IllegalStateException}.
 */
public interface GroupServer extends AutoCloseable {
  /** {@return the bound address (the actual port when 0 was asked for), the same on every loop} */
  InetSocketAddress localAddress();

  /** {@return the number of connections whose handler is running, over all loops} */
  int connections();

  /**
   * Waits until the server is closed on every loop. If a loop's part failed to accept, its
   * failure is thrown once the others are closed too. Cancelling the waiting task closes the
   * server (as {@link Server#serveForever()}).
   */
  void serveForever();

  /**
   * Stops accepting on every loop; connections already accepted go on. Returns once no loop
   * accepts. Idempotent.
   */
  @Override
  void close();

  /** Stops accepting and closes every open connection, cancelling their handlers, on every loop. */
  void closeAll();
}

package asyncigo.api.net;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * A server of a {@link asyncigo.api.LoopGroup}, from {@link asyncigo.api.LoopGroup#listen}: one
 * {@link Server} per loop, each running the handler for the connections given to its loop.
 *
 * <p><b>Threading.</b> Thread-safe. {@link #localAddress()} and {@link #connections()} return at
 * once. {@link #serveForever()}, {@link #close()} and {@link #closeAll()} hand the work to every
 * loop and wait for it: called from a task (of any loop) they suspend it, called from a thread
 * that runs no loop they block it; called from a callback they throw {@link
 * IllegalStateException}. {@link #shutdown(Duration)} never waits: any thread, a callback
 * included (a signal handler), may call it.
 *
 * @since 0.1
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

  /**
   * Shuts the server down gracefully on every loop, as {@link Server#shutdown(Duration)} does
   * on one: each loop stops accepting as soon as it runs the request (so {@link #serveForever()}
   * returns once every loop did), lets its running handlers go on for up to {@code grace}, then
   * closes the connections still open, cancelling their handlers. With the NIO poller, where one
   * loop accepts for all, a connection it accepted but another loop had not yet taken when that
   * loop stopped is closed. It hands the work to the loops and returns at once, so a signal
   * callback may call it: {@code loop.onSignal("TERM", () -> server.shutdown(grace))}. A loop
   * that is closed counts as done.
   *
   * <p>Twice: the later call's grace counts only if it ends sooner; both stages complete
   * together. Thread-safe.
   *
   * @param grace how long the running handlers may go on
   * @return a stage completed, on a loop's thread, once every handler that was running has
   *     ended, with the number of connections closed when the grace ran out, over all loops;
   *     block on it from a thread that runs no loop, or await {@code loop.adapt(stage)} in a task
   * @throws NullPointerException if grace is null
   * @throws IllegalArgumentException if grace is negative (nothing is changed then)
   */
  CompletionStage<Integer> shutdown(Duration grace);
}

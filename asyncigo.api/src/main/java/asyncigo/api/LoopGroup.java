package asyncigo.api;

import asyncigo.api.internal.LoopProviders;
import asyncigo.api.net.GroupServer;
import asyncigo.api.net.StreamHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Several loops, each on a thread of its own with a poller of its own: the way to use every core
 * of a machine from one process (Netty's event-loop group, Vert.x's event loop per core). Inside
 * each loop nothing changes: one task or callback at a time, no locks between two awaits. Loops
 * share nothing; a task that needs another loop's work uses {@link Loop#submit}.
 *
 * <pre>{@code
 * try (LoopGroup group = LoopGroup.open()) {                 // one loop per available processor
 *   GroupServer server = group.listen("0.0.0.0", 7000, stream -> {
 *     // runs on the loop the connection was given to, for the connection's whole life
 *   });
 *   server.serveForever();                                    // until server.close() or Ctrl-C
 * }                                                           // graceful: see close()
 * }</pre>
 *
 * <p><b>Spreading connections.</b> {@link #listen} gives every connection to one loop, where it
 * stays. Where the kernel balances shared ports (the epoll poller, Linux) each loop listens on a
 * socket of its own with SO_REUSEPORT and the kernel spreads the connections; otherwise (the nio
 * poller) one loop accepts and hands each connection to the next loop, round robin.
 *
 * <p><b>Failures.</b> What a loop would give its exception handler goes to the group's one
 * handler ({@link LoopGroupOptions#exceptionHandler}), with the loop it came from.
 *
 * <p><b>Threading.</b> Thread-safe. {@link #run} and {@link #close} block the caller until done,
 * so they refuse to run on a loop's thread. {@link #listen} and the waiting methods of {@link
 * GroupServer} suspend when called from a task (of any loop) and block when called from a thread
 * that runs no loop.
 */
public interface LoopGroup extends AutoCloseable {

  /**
   * Opens a group of one loop per available processor, with default options.
   *
   * @return the group, its loops running
   */
  static LoopGroup open() {
    return open(LoopGroupOptions.defaults());
  }

  /**
   * Opens a group of {@code loops} loops with default options.
   *
   * @param loops how many loops
   * @return the group, its loops running
   * @throws IllegalArgumentException if {@code loops} is below 1
   */
  static LoopGroup open(int loops) {
    return open(LoopGroupOptions.defaults().loops(loops));
  }

  /**
   * Opens a group: starts its threads, each of which opens its loop and runs it until the group
   * closes; returns once every loop runs.
   *
   * @param options the group's options
   * @return the group, its loops running
   * @throws IllegalStateException if no loop implementation or poller is available (as {@link
   *     Loop#open(LoopOptions)}), or a loop could not be opened; the loops already opened are
   *     closed and their threads ended then
   */
  static LoopGroup open(LoopGroupOptions options) {
    return LoopProviders.require().openGroup(options);
  }

  /** {@return the loops, in a fixed order; the list never changes} */
  List<Loop> loops();

  /** {@return the next loop, round robin over {@link #loops()}: where to put the next work} */
  Loop next();

  /**
   * Runs {@code main} as a task named {@code main} on the {@linkplain #next() next} loop and
   * blocks until it is done; returns its result or rethrows its exception (checked ones wrapped
   * in {@link UncheckedExecutionException}; {@link CancelledException} if it was cancelled, as
   * when the group closes meanwhile). Tasks that main spawned go on running until they end or the
   * group closes.
   *
   * @param <T> the result type
   * @param main the main task's body
   * @return main's result
   * @throws IllegalStateException if called on a loop's thread (it would block that loop) or the
   *     group is closed, before anything runs
   */
  <T> T run(Coroutine<T> main);

  /**
   * Listens on {@code host:port} (a null or empty host: every interface; port 0: a free port,
   * the same for every loop) and runs {@code handler} in a new task for each connection, on the
   * loop the connection was given to (see above); each loop's part is an ordinary {@link
   * asyncigo.api.net.Server} of that loop (handler task names, flushing, reports). Returns once
   * every loop accepts.
   *
   * @param host the address to bind; null or empty for every interface
   * @param port the port; 0 for a free one
   * @param handler runs once per connection, in a task of the connection's loop
   * @return the group's server
   * @throws IllegalStateException if called in a callback (it must suspend or block), or the group
   *     is closed
   * @throws IllegalArgumentException if the port is not from 0 to 65535
   * @throws IOException if a loop cannot listen; the parts already listening are closed then
   */
  GroupServer listen(String host, int port, StreamHandler handler) throws IOException;

  /**
   * {@link #close(Duration)} with the options' {@linkplain LoopGroupOptions#shutdownGrace grace
   * period}.
   */
  @Override
  void close();

  /**
   * Closes the group gracefully: every server of the group stops accepting; the connection
   * handlers get up to {@code grace} to return; then each loop's remaining tasks (handlers still
   * running included) are cancelled and their cleanup runs, each loop closes (with every stream
   * and server it still owns) and its thread ends. Returns once every thread has ended.
   * Idempotent: a later call only waits for that.
   *
   * @param grace how long the connection handlers may take to return
   * @throws IllegalStateException if called on a loop's thread (a loop cannot wait for itself to
   *     stop), before anything changes
   * @throws IllegalArgumentException if {@code grace} is negative
   */
  void close(Duration grace);
}

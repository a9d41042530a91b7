package asyncigo.api.spi;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * A readiness poller: the loop's multiplexer (a NIO {@code Selector}, epoll, ...), and the factory
 * of the non-blocking channels it can watch.
 *
 * <p><b>Who calls what.</b> One loop owns a poller. Every method is loop-confined (called only by
 * the thread running that loop) except {@link #wakeup()}, which any thread may call.
 *
 * <p><b>Readiness is level-triggered.</b> {@link #poll} reports a registered channel in every call
 * while it is ready for an operation in its interest set: the loop does not have to drain a
 * channel to {@code EAGAIN} before polling again.
 *
 * <p><b>Closed channels.</b> Registering a closed channel throws {@link
 * java.nio.channels.ClosedChannelException}. Closing a registered channel unregisters it; it is
 * never reported afterwards. {@link #interest} and {@link #unregister} on a channel that is not
 * registered (or closed) do nothing.
 */
public interface Poller extends AutoCloseable {
  /** Interest and readiness bit: readable, end of stream, or a connection to accept. */
  int READ = 1;

  /** Interest and readiness bit: writable, or a connect attempt finished. */
  int WRITE = 2;

  /** Receives the channels found ready by one {@link #poll} call. */
  @FunctionalInterface
  interface ReadySink {
    /**
     * Called once per ready channel, on the polling thread, inside {@code poll}.
     *
     * @param attachment the object given to {@link #register}
     * @param readyOps {@link #READ} and/or {@link #WRITE}; errors and hang-ups report both bits
     *     of the interest set, so that the next read or write sees them
     */
    void ready(Object attachment, int readyOps);
  }

  /** The two ends of {@link #pipe()}: bytes written to {@code sink} are read from source. */
  record PipeEnds(PollStream source, PollStream sink) {}

  /** The backend's name, as its provider's. */
  String name();

  /**
   * Starts watching {@code channel} for {@code interest} ({@link #READ}, {@link #WRITE}, both, or
   * 0). {@code attachment} is handed back by {@link #poll}.
   *
   * @throws IllegalArgumentException if the channel was not made by this poller or is already
   *     registered
   * @throws java.nio.channels.ClosedChannelException if it is closed
   */
  void register(PollChannel channel, int interest, Object attachment) throws IOException;

  /** Replaces the interest set of a registered channel. */
  void interest(PollChannel channel, int interest) throws IOException;

  /** Stops watching {@code channel}. */
  void unregister(PollChannel channel);

  /**
   * Waits until a channel is ready, {@link #wakeup()} is called, or the timeout passes, then
   * hands every ready channel to {@code sink}. A negative timeout waits without limit, 0 returns
   * at once, a positive one waits at least that long (rounded up to the backend's granularity)
   * unless woken earlier.
   *
   * @return the number of channels handed to the sink
   */
  int poll(long timeoutNanos, ReadySink sink) throws IOException;

  /**
   * Thread-safe: makes the current or the next {@link #poll} return at once. Wake-ups that arrive
   * while no poll runs are coalesced into one. Does nothing after {@link #close()}.
   */
  void wakeup();

  /**
   * Opens a non-blocking TCP socket and starts connecting it to {@code remote}: watch it for
   * {@link #WRITE}, then call {@link PollStream#finishConnect()}. TCP_NODELAY is on.
   */
  PollStream connect(InetSocketAddress remote) throws IOException;

  /** Opens a non-blocking listening TCP socket bound to {@code local} (port 0: any free port). */
  PollAcceptor listen(InetSocketAddress local, int backlog) throws IOException;

  /** Opens a non-blocking unidirectional in-process pipe. */
  PipeEnds pipe() throws IOException;

  /** Releases the poller's resources. Idempotent; channels it made stay open. */
  @Override
  void close() throws IOException;
}

package asyncigo.api.spi;

import java.io.IOException;

/**
 * The readiness half of a {@link Poller}: registers channels, waits for them to be ready, and can
 * be woken. Transports (sockets, pipes, ...) plug into it through {@link #register} alone.
 *
 * <p><b>Who calls what.</b> One loop owns a multiplexer. Every method, and every method of the
 * {@link PollKey}s it returns, is loop-confined (called only by the thread running that loop),
 * except {@link #wakeup()}, which any thread may call.
 *
 * <p><b>Readiness is level-triggered.</b> {@link #poll} reports a registered channel in every call
 * while it is ready for an operation in its interest set: the loop does not have to drain a
 * channel to {@code EAGAIN} before polling again.
 *
 * <p><b>Closed channels.</b> Registering a closed channel throws {@link
 * java.nio.channels.ClosedChannelException}. Closing a registered channel invalidates its key; it
 * is never reported afterwards.
 *
 * @since 0.1
 */
public interface Multiplexer extends AutoCloseable {
  /** Interest and readiness bit: readable, end of stream, or a connection to accept. */
  int READ = 1;

  /** Interest and readiness bit: writable, or a connect attempt finished. */
  int WRITE = 2;

  /**
   * Receives the channels found ready by one {@link #poll} call.
   *
   * @since 0.1
   */
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

  /** {@return the backend's name, as its provider's} */
  String name();

  /**
   * Starts watching {@code channel}: returns its key, with {@code interest} recorded as by {@link
   * PollKey#interest(int)} (applied at the next poll). {@code attachment} is handed back by {@link
   * #poll}.
   *
   * @param channel a channel made by this backend for this multiplexer
   * @param interest the operations to watch ({@link #READ}, {@link #WRITE}, both, or 0)
   * @param attachment what {@link #poll} hands to the sink for this channel
   * @return the channel's key, valid until cancelled or the channel closes
   * @throws IllegalArgumentException if the channel was not made for this multiplexer, already has
   *     a valid key here ("channel is already registered"), or {@code interest} has other bits
   * @throws java.nio.channels.ClosedChannelException if it is closed
   * @throws IOException if the OS call fails
   */
  PollKey register(PollChannel channel, int interest, Object attachment) throws IOException;

  /**
   * Applies the queued interest changes, waits until a channel is ready, {@link #wakeup()} is
   * called, or the timeout passes, then hands every ready channel to {@code sink}. A negative
   * timeout waits without limit, 0 returns at once, a positive one waits at least that long
   * (rounded up to the backend's granularity) unless woken earlier.
   *
   * @param timeoutNanos the longest wait, in nanoseconds
   * @param sink receives each ready channel
   * @return the number of channels handed to the sink
   * @throws IOException if the OS call fails
   */
  int poll(long timeoutNanos, ReadySink sink) throws IOException;

  /**
   * Thread-safe: makes the current or the next {@link #poll} return at once. Wake-ups that arrive
   * while no poll runs are coalesced into one. Does nothing after {@link #close()}.
   */
  void wakeup();

  /**
   * How many times this multiplexer changed a channel's interest set in the OS (one {@code
   * epoll_ctl}, one {@code SelectionKey.interestOps}) since it was opened, counting the queued
   * changes a poll applied and the removals {@link PollKey#cancel()} made. For tests and metrics:
   * it shows that changes between two polls cost at most one update per key.
   *
   * @return the count of OS interest updates
   */
  long interestUpdates();

  /**
   * Releases the multiplexer's resources and invalidates its keys. Idempotent; the channels stay
   * open.
   *
   * @throws IOException if releasing them fails
   */
  @Override
  void close() throws IOException;
}

package asyncigo.api.spi;

/**
 * One channel's registration with a {@link Multiplexer}, returned by {@link
 * Multiplexer#register} (CPython's {@code SelectorKey}, Netty's {@code IoRegistration}). The
 * owner of the channel keeps its key and changes the interest set through it.
 *
 * <p><b>Threading.</b> Loop-confined, like the multiplexer that made it: every method is called
 * only by the thread that polls.
 *
 * <p><b>Queued interest.</b> {@link #interest(int)} records the interest set and queues the key;
 * the multiplexer tells the OS at the start of its next {@link Multiplexer#poll}, once per key
 * whatever the number of changes in between, and not at all when the set ends where it started
 * (see {@link Multiplexer#interestUpdates()}). Readiness is always filtered by the interest set
 * recorded last: a poll never reports an operation the key no longer asks for, even if the OS
 * still watched it.
 *
 * <p><b>Lifecycle.</b> A key is valid from {@code register} until {@link #cancel()}, the close of
 * its channel, or the close of its multiplexer, whichever comes first; an invalid key is never
 * reported again. {@code interest(int)} and {@code cancel()} on an invalid key do nothing (the
 * interest set of an invalid key reads 0), so cleanup code need not ask first. A channel has at
 * most one valid key per multiplexer; once it is cancelled the channel may be registered again.
 *
 * @since 0.1
 */
public interface PollKey {
  /** {@return the channel this key registers} Also after the key is cancelled. */
  PollChannel channel();

  /** {@return the object given to {@link Multiplexer#register}, handed to the sink} */
  Object attachment();

  /**
   * {@return the interest set recorded last: {@link Multiplexer#READ}, {@link Multiplexer#WRITE},
   * both, or 0 (always 0 once the key is invalid)}
   */
  int interest();

  /**
   * Records a new interest set, applied at the next poll (see above). Does nothing on an invalid
   * key.
   *
   * @param interest {@link Multiplexer#READ}, {@link Multiplexer#WRITE}, both, or 0
   * @throws IllegalArgumentException if {@code interest} has other bits, before anything changes
   */
  void interest(int interest);

  /** {@return whether the key is valid: registered, its channel and multiplexer open} */
  boolean isValid();

  /**
   * Stops watching the channel at once: it is not reported again, not even later in a poll that
   * is handing out readiness; the channel stays open. Idempotent.
   */
  void cancel();
}

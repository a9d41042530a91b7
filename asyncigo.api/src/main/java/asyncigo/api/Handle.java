package asyncigo.api;

/**
 * A scheduled callback ({@link Loop#callSoon}, {@link Loop#callLater}, {@link Loop#callAt}) that
 * can be cancelled before it runs, or a signal handler ({@link Loop#onSignal}), which cancelling
 * unregisters.
 *
 * <p><b>Threading.</b> {@link #cancel()} and {@link #isCancelled()} are loop-confined: from another
 * thread they throw {@link IllegalStateException} before they change anything (see {@link
 * Loop#checkLoopThread}). {@link #when()} is thread-safe.
 *
 * @since 0.1
 */
public interface Handle {
  /**
   * Prevents the callback from running. Idempotent.
   *
   * @return true if it was pending and now never runs; false if it has already run, is running,
   *     or was cancelled before (a signal handler: true if it was registered; false if it was
   *     cancelled before or its loop closed)
   */
  boolean cancel();

  /** {@return whether {@link #cancel()} took effect} */
  boolean isCancelled();

  /**
   * {@return the loop time, in nanoseconds, at which the callback is due ({@link Loop#time()});
   * {@link Long#MAX_VALUE} for a signal handler}
   */
  long when();
}

package asyncigo.api;

/**
 * A scheduled callback ({@link Loop#callSoon}, {@link Loop#callLater}, {@link Loop#callAt}) that
 * can be cancelled before it runs. Loop-confined.
 */
public interface Handle {
  /**
   * Prevents the callback from running. Returns true if it was pending and now never runs; false
   * if it has already run, is running, or was cancelled before. Idempotent.
   */
  boolean cancel();

  /** Whether {@link #cancel()} took effect. */
  boolean isCancelled();

  /** The loop time, in nanoseconds, at which the callback is due ({@link Loop#time()}). */
  long when();
}

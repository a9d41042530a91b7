package asyncigo.api.sync;

/**
 * Thrown by {@link AsyncBarrier#await()} when the barrier is broken ({@link AsyncBarrier#abort()})
 * or is reset ({@link AsyncBarrier#reset()}) while the task waits (asyncio {@code
 * BrokenBarrierError}). Unchecked, unlike {@link java.util.concurrent.BrokenBarrierException}.
 *
 * @since 0.1
 */
public class BarrierBrokenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with a message saying why the barrier broke.
   *
   * @param message why the barrier broke
   */
  public BarrierBrokenException(String message) {
    super(message);
  }
}

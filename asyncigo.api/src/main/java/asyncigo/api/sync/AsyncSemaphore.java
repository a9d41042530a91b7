package asyncigo.api.sync;

import asyncigo.api.CancelledException;
import asyncigo.api.Coroutine;
import asyncigo.api.UncheckedExecutionException;
import asyncigo.api.internal.sync.RealSemaphore;

/**
 * A counter of permits for tasks of one loop (asyncio {@code Semaphore} and {@code
 * BoundedSemaphore}): {@link #acquire()} takes a permit, waiting while none is left, and {@link
 * #release()} gives one back.
 *
 * <pre>{@code
 * AsyncSemaphore connections = AsyncSemaphore.bounded(10);
 * connections.withPermit(() -> fetch(url));
 * }</pre>
 *
 * <p>Waiters get permits in FIFO order; a release hands its permit straight to the oldest waiter,
 * so a newcomer never takes a permit ahead of a task that waits (python/cpython#90155). A waiter
 * cancelled while it waits leaves the count untouched, and one cancelled after a permit was handed
 * to it, before it resumed, passes the permit on.
 *
 * <p>Loop-confined (see the {@linkplain asyncigo.api.sync package}); the factory methods are
 * thread-safe and need no loop.
 *
 * @since 0.1
 */
public interface AsyncSemaphore {

  /**
   * A semaphore with {@code permits} permits; releases beyond them are allowed and add permits.
   *
   * @param permits the permits available at first
   * @return the new semaphore
   * @throws IllegalArgumentException if permits is negative
   */
  static AsyncSemaphore create(int permits) {
    return RealSemaphore.create(permits, false);
  }

  /**
   * A semaphore with {@code permits} permits that never holds more: a release that would exceed
   * them throws.
   *
   * @param permits the permits available at first, and the most it holds
   * @return the new semaphore
   * @throws IllegalArgumentException if permits is negative
   */
  static AsyncSemaphore bounded(int permits) {
    return RealSemaphore.create(permits, true);
  }

  /**
   * Takes a permit, waiting while none is available. Returns without suspending when one is.
   *
   * @throws CancelledException if the task is cancelled while waiting; it then holds no permit
   */
  void acquire();

  /**
   * Gives a permit back: to the oldest waiter if one waits, else to the count.
   *
   * @throws IllegalStateException for a bounded semaphore that would hold more permits than it
   *     was created with ("released too many times"), or if the count would overflow
   */
  void release();

  /** {@return the permits available now (0 while tasks wait)} */
  int available();

  /**
   * Runs {@code block} holding a permit and releases it however the block ends. Checked
   * exceptions of the block are wrapped in {@link UncheckedExecutionException}.
   *
   * @param <T> the block's result type
   * @param block the code to run holding a permit
   * @return the block's result
   * @throws CancelledException if the task is cancelled while waiting for a permit
   */
  <T> T withPermit(Coroutine<T> block);
}

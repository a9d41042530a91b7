package asyncigo.api.sync;

import asyncigo.api.CancelledException;
import asyncigo.api.Coroutine;
import asyncigo.api.UncheckedExecutionException;
import asyncigo.api.internal.sync.RealLock;

/**
 * A mutual-exclusion lock for tasks of one loop (asyncio {@code Lock}): a task that finds it locked
 * waits without blocking the loop. Not reentrant, and without an owner: any task may release it.
 *
 * <pre>{@code
 * AsyncLock lock = AsyncLock.create();
 * lock.withLock(() -> { write(header); write(body); return null; });
 * }</pre>
 *
 * <p>Waiters acquire it in FIFO order; {@link #release()} hands it straight to the oldest. A waiter
 * cancelled while it waits leaves the lock untouched, and one cancelled after the lock was handed
 * to it, before it resumed, passes the lock on (see the {@linkplain asyncigo.api.sync package}).
 *
 * <p>Loop-confined (see the {@linkplain asyncigo.api.sync package}); the factory methods are
 * thread-safe and need no loop.
 *
 * @since 0.1
 */
public interface AsyncLock {

  /** {@return a new unlocked lock} */
  static AsyncLock create() {
    return new RealLock();
  }

  /**
   * Takes the lock, waiting while another task holds it. Returns without suspending when the lock
   * is free.
   *
   * @throws CancelledException if the task is cancelled while waiting; it then does not hold the
   *     lock
   */
  void acquire();

  /**
   * Releases the lock: hands it to the oldest waiter, or unlocks it if none waits.
   *
   * @throws IllegalStateException if the lock is not locked
   */
  void release();

  /**
   * {@return whether some task holds the lock (or it has been handed to a waiter that has not
   * resumed)}
   */
  boolean isLocked();

  /**
   * Runs {@code block} holding the lock and releases it however the block ends. Checked exceptions
   * of the block are wrapped in {@link UncheckedExecutionException}.
   *
   * @param <T> the block's result type
   * @param block the code to run holding the lock
   * @return the block's result
   * @throws CancelledException if the task is cancelled while waiting for the lock
   */
  <T> T withLock(Coroutine<T> block);
}

package asyncigo.api.sync;

import asyncigo.api.CancelledException;
import asyncigo.api.Coroutine;
import asyncigo.api.internal.sync.RealCondition;
import java.util.function.BooleanSupplier;

/**
 * A condition variable for tasks of one loop (asyncio {@code Condition}): tasks holding its {@link
 * #lock()} wait for a notification, releasing the lock while they wait.
 *
 * <pre>{@code
 * AsyncCondition changed = AsyncCondition.create();
 * changed.withLock(() -> { changed.awaitUntil(() -> !items.isEmpty()); return items.remove(0); });
 * // elsewhere:
 * changed.withLock(() -> { items.add(x); changed.signal(); return null; });
 * }</pre>
 *
 * <p>Notifications wake waiters in FIFO order. A waiter cancelled before it is notified leaves the
 * condition untouched; one notified and then cancelled before it resumed passes the notification
 * to the next waiter. In both cases it takes the lock again before its wait throws {@link
 * CancelledException}, as asyncio does, so a {@code finally} that releases the lock stays correct.
 *
 * <p>Loop-confined (see the {@linkplain asyncigo.api.sync package}); the factory methods are
 * thread-safe and need no loop.
 *
 * @since 0.1
 */
public interface AsyncCondition {

  /** {@return a new condition with a lock of its own} */
  static AsyncCondition create() {
    return new RealCondition(AsyncLock.create());
  }

  /**
   * {@return a new condition over {@code lock}, which other conditions may share}
   *
   * @param lock the lock that guards the condition
   */
  static AsyncCondition create(AsyncLock lock) {
    return new RealCondition(lock);
  }

  /** {@return the lock that guards the condition} Thread-safe: it never changes. */
  AsyncLock lock();

  /**
   * Runs {@code block} holding {@link #lock()} (see {@link AsyncLock#withLock}).
   *
   * @param <T> the block's result type
   * @param block the code to run holding the lock
   * @return the block's result
   * @throws CancelledException if the task is cancelled while waiting for the lock
   */
  <T> T withLock(Coroutine<T> block);

  /**
   * Releases the lock, waits for a notification and takes the lock again before returning or
   * throwing.
   *
   * @throws IllegalStateException if the lock is not held
   * @throws CancelledException if the task is cancelled while waiting (it holds the lock again)
   */
  void await();

  /**
   * Waits until {@code predicate} is true: checks it first, then after each notification. The
   * lock must be held and is held when this returns.
   *
   * @param predicate the condition to wait for, checked holding the lock
   * @throws IllegalStateException if the lock is not held
   * @throws CancelledException if the task is cancelled while waiting (it holds the lock again)
   */
  void awaitUntil(BooleanSupplier predicate);

  /**
   * Wakes the oldest waiting task, if any (asyncio {@code notify()}; named like {@link
   * java.util.concurrent.locks.Condition#signal()} because {@code Object.notify} is taken).
   *
   * @throws IllegalStateException if the lock is not held
   */
  void signal();

  /**
   * Wakes the {@code n} oldest waiting tasks (fewer if fewer wait).
   *
   * @param n how many tasks to wake
   * @throws IllegalStateException if the lock is not held
   * @throws IllegalArgumentException if n is negative
   */
  void signal(int n);

  /**
   * Wakes every waiting task (asyncio {@code notify_all()}).
   *
   * @throws IllegalStateException if the lock is not held
   */
  void signalAll();
}

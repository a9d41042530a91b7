package asyncigo.api.sync;

import asyncigo.api.CancelledException;
import asyncigo.api.internal.sync.RealBarrier;

/**
 * A meeting point for a fixed number of tasks (asyncio 3.11 {@code Barrier}): each {@link
 * #await()} waits until {@link #parties()} tasks are waiting, then all of them go on and the
 * barrier starts over, empty.
 *
 * <pre>{@code
 * AsyncBarrier allLoaded = AsyncBarrier.create(3);
 * for (String part : parts) spawn(() -> { load(part); allLoaded.await(); return render(part); });
 * }</pre>
 *
 * <p>A task cancelled while it waits leaves the barrier as if it had never arrived: it no longer
 * counts towards the parties. Once the barrier has tripped, the trip stands: a party cancelled
 * before it resumed still throws {@link CancelledException}, the others go on. {@link #abort()}
 * breaks the barrier and {@link #reset()} repairs it; waits they interrupt throw {@link
 * BarrierBrokenException}.
 *
 * <p>Loop-confined (see the {@linkplain asyncigo.api.sync package}); the factory methods are
 * thread-safe and need no loop.
 *
 * @since 0.1
 */
public interface AsyncBarrier {

  /**
   * A barrier for {@code parties} tasks.
   *
   * @param parties how many waiting tasks trip the barrier
   * @return the new barrier
   * @throws IllegalArgumentException if parties is less than 1
   */
  static AsyncBarrier create(int parties) {
    return new RealBarrier(parties);
  }

  /**
   * Waits until {@link #parties()} tasks wait, counting this one; the last to arrive does not
   * suspend.
   *
   * @return the task's arrival index, from 0 (first) to {@code parties() - 1} (the one that
   *     tripped the barrier)
   * @throws BarrierBrokenException if the barrier is broken, or is aborted or reset while waiting
   * @throws CancelledException if the task is cancelled while waiting
   */
  int await();

  /**
   * Puts the barrier back to its empty initial state, also when broken; tasks waiting now throw
   * {@link BarrierBrokenException}.
   */
  void reset();

  /**
   * Breaks the barrier: tasks waiting now, and every later {@link #await()} until {@link #reset()},
   * throw {@link BarrierBrokenException}. Use it when a party fails and the others must not wait
   * forever. Idempotent.
   */
  void abort();

  /** {@return the number of tasks that trip the barrier} Thread-safe: it never changes. */
  int parties();

  /** {@return the number of tasks waiting now} */
  int waiting();

  /** {@return whether the barrier is broken ({@link #abort()} and no {@link #reset()} since)} */
  boolean isBroken();
}

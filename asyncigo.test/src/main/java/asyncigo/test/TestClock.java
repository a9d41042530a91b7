package asyncigo.test;

import java.time.Duration;

/**
 * Manual control of the virtual clock of the loop a test runs on. Injected into test methods run
 * by {@link AsyncigoTest}.
 *
 * <p>Loop-confined: call it from the test method (the loop's main task) or from a task of the
 * loop; a call from another thread throws {@link IllegalStateException}.
 *
 * @since 0.1
 */
public interface TestClock {
  /** {@return the virtual time elapsed since the test's loop was opened} */
  Duration elapsed();

  /**
   * Moves virtual time forward by {@code duration}, running every task, callback and timer due
   * on the way in order, then {@linkplain #runUntilIdle() runs until idle}. Zero only runs until
   * idle.
   *
   * @param duration how far to move the clock
   * @throws IllegalArgumentException if {@code duration} is negative
   * @throws NullPointerException if {@code duration} is null
   * @throws asyncigo.api.CancelledException if the calling task is cancelled meanwhile
   */
  void advance(Duration duration);

  /**
   * Runs every task and callback that is ready, and those they make ready, until none is left,
   * without moving the clock: timers due later and I/O that has not arrived are not waited for.
   *
   * @throws asyncigo.api.CancelledException if the calling task is cancelled meanwhile
   */
  void runUntilIdle();
}

package asyncigo.api.spi;

import asyncigo.api.Loop;
import asyncigo.api.LoopOptions;
import java.util.Optional;

/**
 * The service a loop implementation provides ({@code provides asyncigo.api.spi.LoopProvider});
 * {@link Loop#open()} uses the first one {@link java.util.ServiceLoader} finds. Thread-safe.
 */
public interface LoopProvider {
  /** Opens a new loop; see {@link Loop#open(LoopOptions)}. */
  Loop open(LoopOptions options);

  /** The loop running on the current thread, if any; see {@link Loop#running()}. */
  Optional<Loop> currentLoop();

  /**
   * For test tools such as {@code asyncigo.test}'s {@code TestClock.runUntilIdle()}: whether
   * anything besides the calling task is ready to run on {@code loop}, or due now (a task or
   * callback in the ready queue, a thread-safe callback handed over, a timer whose time has come).
   * Loop-confined: call it from a task of {@code loop}.
   *
   * @throws UnsupportedOperationException if {@code loop} is not one of this provider's loops
   */
  default boolean hasReadyWork(Loop loop) {
    throw new UnsupportedOperationException(
        getClass().getName() + " cannot tell whether " + loop + " has work ready");
  }
}

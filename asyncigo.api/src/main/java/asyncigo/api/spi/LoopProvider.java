package asyncigo.api.spi;

import asyncigo.api.Loop;
import asyncigo.api.LoopGroup;
import asyncigo.api.LoopGroupOptions;
import asyncigo.api.LoopOptions;
import java.util.Optional;

/**
 * The service a loop implementation provides ({@code provides asyncigo.api.spi.LoopProvider});
 * {@link Loop#open()} uses the first one {@link java.util.ServiceLoader} finds. Thread-safe.
 *
 * @since 0.1
 */
public interface LoopProvider {
  /**
   * Opens a new loop, owned by the calling thread; see {@link Loop#open(LoopOptions)}.
   *
   * @param options the options
   * @return the new loop
   * @throws IllegalStateException if no poller is available or the forced one is not
   * @throws java.io.UncheckedIOException if the chosen poller fails to open
   */
  Loop open(LoopOptions options);

  /**
   * Opens a new loop group; see {@link asyncigo.api.LoopGroup#open(asyncigo.api.LoopGroupOptions)}.
   *
   * @param options the options
   * @return the new group, its loops running
   */
  LoopGroup openGroup(LoopGroupOptions options);

  /**
   * {@return the loop running on the current thread, or empty outside a loop} See {@link
   * Loop#running()}.
   */
  Optional<Loop> currentLoop();

  /**
   * For test tools such as {@code asyncigo.test}'s {@code TestClock.runUntilIdle()}: whether
   * anything besides the calling task is ready to run on {@code loop}, or due now (a task or
   * callback in the ready queue, a thread-safe callback handed over, a timer whose time has come).
   * Loop-confined: call it from a task of {@code loop}.
   *
   * @param loop a loop this provider opened
   * @return true if something besides the calling task is ready or due now
   * @throws UnsupportedOperationException if {@code loop} is not one of this provider's loops
   */
  default boolean hasReadyWork(Loop loop) {
    throw new UnsupportedOperationException(
        getClass().getName() + " cannot tell whether " + loop + " has work ready");
  }
}

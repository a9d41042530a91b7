package asyncigo.api.spi;

import asyncigo.api.Loop;
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
   * {@return the loop running on the current thread, or empty outside a loop} See {@link
   * Loop#running()}.
   */
  Optional<Loop> currentLoop();
}

package asyncigo.api.spi;

import asyncigo.api.Loop;
import asyncigo.api.LoopGroup;
import asyncigo.api.LoopGroupOptions;
import asyncigo.api.LoopOptions;
import java.util.Optional;

/**
 * The service a loop implementation provides ({@code provides asyncigo.api.spi.LoopProvider});
 * {@link Loop#open()} uses the first one {@link java.util.ServiceLoader} finds. Thread-safe.
 */
public interface LoopProvider {
  /** Opens a new loop; see {@link Loop#open(LoopOptions)}. */
  Loop open(LoopOptions options);

  /** Opens a new loop group; see {@link LoopGroup#open(LoopGroupOptions)}. */
  LoopGroup openGroup(LoopGroupOptions options);

  /** The loop running on the current thread, if any; see {@link Loop#running()}. */
  Optional<Loop> currentLoop();
}

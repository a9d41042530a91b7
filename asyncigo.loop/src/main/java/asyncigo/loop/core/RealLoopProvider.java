package asyncigo.loop.core;

import asyncigo.api.Loop;
import asyncigo.api.LoopOptions;
import asyncigo.api.spi.LoopProvider;
import java.util.Optional;

/** The {@link LoopProvider} of this module. Thread-safe. */
public final class RealLoopProvider implements LoopProvider {
  @Override
  public Loop open(LoopOptions options) {
    throw new UnsupportedOperationException("engine not written yet");
  }

  @Override
  public Optional<Loop> currentLoop() {
    return Optional.empty();
  }
}

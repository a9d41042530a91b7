package asyncigo.loop.core;

import asyncigo.api.Loop;
import asyncigo.api.LoopGroup;
import asyncigo.api.LoopGroupOptions;
import asyncigo.api.LoopOptions;
import asyncigo.api.spi.LoopProvider;
import asyncigo.loop.group.RealLoopGroup;
import java.util.Optional;

/** The {@link LoopProvider} of this module. Thread-safe. */
public final class RealLoopProvider implements LoopProvider {
  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public RealLoopProvider() {}

  @Override
  public Loop open(LoopOptions options) {
    return RealLoop.open(options);
  }

  @Override
  public LoopGroup openGroup(LoopGroupOptions options) {
    return RealLoopGroup.open(options);
  }

  @Override
  public Optional<Loop> currentLoop() {
    Scheduler s = Scheduler.current();
    return s == null ? Optional.empty() : s.runningLoop;
  }

  @Override
  public boolean hasReadyWork(Loop loop) {
    if (loop instanceof RealLoop real) {
      return real.hasReadyWork();
    }
    return LoopProvider.super.hasReadyWork(loop);
  }
}

package asyncigo.test.internal;

import asyncigo.api.Loop;
import asyncigo.api.spi.LoopProvider;
import asyncigo.test.TestClock;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@link TestClock} of one test loop: sleeps on the loop's virtual clock, and yields until the
 * loop's provider says nothing but the calling task is ready.
 */
final class RealTestClock implements TestClock {
  private final Loop loop;
  private final LoopProvider provider;
  private final long origin;

  RealTestClock(Loop loop, LoopProvider provider) {
    this.loop = loop;
    this.provider = provider;
    this.origin = loop.time();
  }

  @Override
  public Duration elapsed() {
    return Duration.ofNanos(loop.time() - origin);
  }

  @Override
  public void advance(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("cannot move the clock backwards: " + duration);
    }
    if (!duration.isZero()) {
      loop.sleep(duration);
    }
    runUntilIdle();
  }

  @Override
  public void runUntilIdle() {
    while (provider.hasReadyWork(loop)) {
      loop.yieldNow();
    }
  }
}

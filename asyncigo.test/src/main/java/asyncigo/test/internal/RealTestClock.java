package asyncigo.test.internal;

import asyncigo.loop.core.RealLoop;
import asyncigo.test.TestClock;
import java.time.Duration;
import java.util.Objects;

/** The {@link TestClock} of one test loop: sleeps on the loop's virtual clock, yields until idle. */
final class RealTestClock implements TestClock {
  private final RealLoop loop;
  private final long origin;

  RealTestClock(RealLoop loop) {
    this.loop = loop;
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
    while (loop.hasReadyWork()) {
      loop.yieldNow();
    }
  }
}

package asyncigo.loop.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import asyncigo.api.LoopMetrics;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LagWindowTest {
  private static final long MS = 1_000_000;

  @Test
  void percentilesAreNearestRankOverTheRecordedLateness() {
    LagWindow w = new LagWindow();
    for (int i = 100; i >= 1; i--) {
      w.record(0, i * MS);
    }
    assertEquals(
        new LoopMetrics.Lag(
            100, Duration.ofMillis(50), Duration.ofMillis(99), Duration.ofMillis(100),
            Duration.ofSeconds(60)),
        w.snapshot(0));
    assertEquals(100, w.count());
  }

  @Test
  void samplesOlderThanTheWindowAreLeftOut() {
    LagWindow w = new LagWindow();
    w.record(0, 500 * MS);
    w.record(10_000 * MS, 3 * MS);
    w.record(70_000 * MS, 1 * MS);
    LoopMetrics.Lag lag = w.snapshot(70_000 * MS);
    assertEquals(2, lag.samples());
    assertEquals(Duration.ofMillis(3), lag.max());
    assertEquals(Duration.ofMillis(1), lag.p50());
  }

  @Test
  void onlyTheLatestSamplesAreKept() {
    LagWindow w = new LagWindow();
    for (int i = 1; i <= 2 * LoopMetrics.Lag.MAX_SAMPLES; i++) {
      w.record(0, i);
    }
    LoopMetrics.Lag lag = w.snapshot(0);
    assertEquals(LoopMetrics.Lag.MAX_SAMPLES, lag.samples());
    assertEquals(Duration.ofNanos(2 * LoopMetrics.Lag.MAX_SAMPLES), lag.max());
    assertEquals(Duration.ofNanos(LoopMetrics.Lag.MAX_SAMPLES + 512), lag.p50());
    assertEquals(2L * LoopMetrics.Lag.MAX_SAMPLES, w.count());
  }

  @Test
  void withoutSamplesEverythingIsZero() {
    assertEquals(
        new LoopMetrics.Lag(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(60)),
        new LagWindow().snapshot(123));
  }
}

package asyncigo.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import asyncigo.api.Loop;
import asyncigo.test.AsyncigoTest;
import asyncigo.test.TestClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@AsyncigoTest
class LoopMetricsBinderTest {
  private static double counter(MeterRegistry r, String name) {
    return r.get(name).tags("loop", "main").functionCounter().count();
  }

  private static double gauge(MeterRegistry r, String name) {
    return r.get(name).tags("loop", "main").gauge().value();
  }

  @Test
  void theRegistryReadsTheLoopsCountsWithTheGivenTags(Loop loop, TestClock clock) {
    MeterRegistry registry = new SimpleMeterRegistry();
    new LoopMetricsBinder(loop, Tags.of("loop", "main")).bindTo(registry);

    loop.spawn(() -> { loop.sleep(Duration.ofMillis(10)); return null; });
    loop.spawn(() -> { loop.sleep(Duration.ofMillis(20)); return null; });
    assertEquals(3, counter(registry, "asyncigo.loop.tasks.created"));
    assertEquals(3, gauge(registry, "asyncigo.loop.tasks.alive"));
    assertEquals(2, gauge(registry, "asyncigo.loop.ready.depth"));

    clock.runUntilIdle();
    assertEquals(2, gauge(registry, "asyncigo.loop.timers.pending"));
    clock.advance(Duration.ofMillis(20));
    assertEquals(2, counter(registry, "asyncigo.loop.tasks.finished"));
    assertEquals(1, gauge(registry, "asyncigo.loop.tasks.alive"));
    assertEquals(0, gauge(registry, "asyncigo.loop.timers.pending"));
    // The two sleeps and the clock's own advance of 20 ms.
    assertEquals(3, counter(registry, "asyncigo.loop.timers.fired"));
    assertEquals(0, counter(registry, "asyncigo.loop.io.events"));
    assertEquals(
        loop.metrics().iterations(), (long) counter(registry, "asyncigo.loop.iterations"));
    assertEquals(
        0,
        registry.get("asyncigo.loop.lag").tags("quantile", "0.99").timeGauge().value(TimeUnit.MILLISECONDS));
    assertEquals(
        0, registry.get("asyncigo.loop.lag.max").timeGauge().value(TimeUnit.MILLISECONDS));
    assertEquals(11, registry.getMeters().size());
  }
}

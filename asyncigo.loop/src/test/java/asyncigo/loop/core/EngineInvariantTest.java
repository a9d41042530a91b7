package asyncigo.loop.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import asyncigo.api.Loop;
import asyncigo.api.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exactly one strand of a loop runs at any instant, whatever the engine. */
class EngineInvariantTest {
  private int inside;
  private int maxInside;
  private long counter;

  private void critical() {
    inside++;
    maxInside = Math.max(maxInside, inside);
    long c = counter;
    Thread.onSpinWait();
    counter = c + 1;
    inside--;
  }

  @Test
  void neverTwoStrandsOfOneLoopRunAtOnce() {
    try (Loop loop = Loop.open()) {
      loop.run(
          () -> {
            List<Task<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < 50; t++) {
              tasks.add(
                  loop.spawn(
                      () -> {
                        for (int i = 0; i < 200; i++) {
                          critical();
                          if (i % 3 == 0) {
                            loop.yieldNow();
                          } else if (i % 3 == 1) {
                            loop.sleep(Duration.ofNanos(1));
                          } else {
                            loop.callSoon(this::critical);
                          }
                        }
                        return null;
                      }));
            }
            for (Task<Void> t : tasks) {
              t.await();
            }
            loop.yieldNow();
            return null;
          });
    }
    assertEquals(1, maxInside);
    assertEquals(50 * 200 + 50 * 66, counter);
  }
}

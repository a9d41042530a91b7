package my.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import asyncigo.api.Loop;
import asyncigo.api.Task;
import asyncigo.test.AsyncigoTest;
import asyncigo.test.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A user's own test of loop code, with asyncigo.test from the published coordinates. */
@AsyncigoTest
class MainTest {
  @Test
  void aTaskSleepingAnHourWakesWhenTheVirtualClockGetsThere(Loop loop, TestClock clock) {
    Task<String> sleeper = loop.spawn(() -> {
      loop.sleep(Duration.ofHours(1));
      return "awake";
    });
    clock.advance(Duration.ofMinutes(59));
    assertFalse(sleeper.isDone());
    clock.advance(Duration.ofMinutes(1));
    assertEquals("awake", sleeper.await());
  }
}

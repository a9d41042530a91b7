package asyncigo.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import asyncigo.api.Loop;
import asyncigo.api.Task;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The README's example of {@link AsyncigoTest}, quoted from the annotation to the end. */
@AsyncigoTest
class RetryTest {
  @Test
  void backsOffForOneSecond(Loop loop, TestClock clock) {
    Task<String> call = loop.spawn(() -> { loop.sleep(Duration.ofSeconds(1)); return "ok"; });
    clock.advance(Duration.ofMillis(999));
    assertFalse(call.isDone());
    clock.advance(Duration.ofMillis(1));
    assertEquals("ok", call.await());
  }
}

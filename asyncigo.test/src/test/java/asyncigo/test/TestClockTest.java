package asyncigo.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.Loop;
import asyncigo.api.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@AsyncigoTest
class TestClockTest {
  @Test
  void theTestMethodRunsAsTheMainTaskOfAFreshVirtualTimeLoop(Loop loop, TestClock clock) {
    assertTrue(loop.inLoop());
    assertEquals("main", loop.currentTask().orElseThrow().name());
    assertEquals(Duration.ZERO, clock.elapsed());
    assertEquals(List.of(), loop.tasks().stream().filter(t -> !t.name().equals("main")).toList());
  }

  @Test
  void aSleepOfAnHourInTheTestTakesNoRealTime(Loop loop, TestClock clock) {
    loop.sleep(Duration.ofHours(1));
    assertEquals(Duration.ofHours(1), clock.elapsed());
  }

  @Test
  void advanceRunsTheTimersDueOnTheWayInOrderAndStopsAtTheTarget(Loop loop, TestClock clock) {
    List<String> woke = new ArrayList<>();
    for (int s : new int[] {3, 1, 2}) {
      loop.spawn(() -> {
        loop.sleep(Duration.ofSeconds(s));
        woke.add(s + "s at " + clock.elapsed().toSeconds());
        return null;
      });
    }
    clock.advance(Duration.ofSeconds(2));
    assertEquals(List.of("1s at 1", "2s at 2"), woke);
    assertEquals(Duration.ofSeconds(2), clock.elapsed());
    clock.advance(Duration.ofMillis(999));
    assertEquals(2, woke.size());
    clock.advance(Duration.ofMillis(1));
    assertEquals(List.of("1s at 1", "2s at 2", "3s at 3"), woke);
  }

  @Test
  void runUntilIdleRunsEverythingReadyButLeavesTheClockAlone(Loop loop, TestClock clock) {
    List<String> events = new ArrayList<>();
    Task<Void> yielder = loop.spawn(() -> {
      for (int i = 0; i < 5; i++) {
        loop.yieldNow();
      }
      loop.callSoon(() -> events.add("callback queued by the yielder"));
      return null;
    });
    Task<Void> sleeper = loop.spawn(() -> {
      loop.sleep(Duration.ofMillis(1));
      return null;
    });
    clock.runUntilIdle();
    assertTrue(yielder.isDone());
    assertEquals(List.of("callback queued by the yielder"), events);
    assertFalse(sleeper.isDone());
    assertEquals(Duration.ZERO, clock.elapsed());
    clock.advance(Duration.ofMillis(1));
    assertTrue(sleeper.isDone());
  }

  @Test
  void advanceRejectsANegativeDurationWithoutMovingTheClock(TestClock clock) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofSeconds(-1)));
    assertEquals("cannot move the clock backwards: PT-1S", e.getMessage());
    assertEquals(Duration.ZERO, clock.elapsed());
  }

  @Test
  void theClockIsLoopConfined(TestClock clock) throws Exception {
    Throwable[] thrown = new Throwable[1];
    Thread t = Thread.ofPlatform().start(() -> {
      try {
        clock.runUntilIdle();
      } catch (Throwable e) {
        thrown[0] = e;
      }
    });
    t.join();
    assertTrue(thrown[0] instanceof IllegalStateException, String.valueOf(thrown[0]));
    assertTrue(thrown[0].getMessage().startsWith("LoopProvider.hasReadyWork is loop-confined"),
        thrown[0].getMessage());
  }

  @RepeatedTest(2)
  void repeatedTestsGetAFreshLoopEachTime(Loop loop, TestClock clock) {
    assertEquals(Duration.ZERO, clock.elapsed());
    loop.sleep(Duration.ofSeconds(5));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void parameterizedTestsRunOnTheLoopToo(int seconds, Loop loop, TestClock clock) {
    loop.sleep(Duration.ofSeconds(seconds));
    assertEquals(Duration.ofSeconds(seconds), clock.elapsed());
  }
}

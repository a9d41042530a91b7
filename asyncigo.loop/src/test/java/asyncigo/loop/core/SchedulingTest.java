package asyncigo.loop.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.Handle;
import asyncigo.api.Loop;
import asyncigo.api.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulingTest {

  @Test
  void callSoonCallbacksRunInFifoOrder() {
    List<Integer> order = new ArrayList<>();
    VirtualLoop.run(
        () -> {
          Loop loop = Loop.current();
          for (int i = 0; i < 5; i++) {
            int n = i;
            loop.callSoon(() -> order.add(n));
          }
          loop.yieldNow();
          return null;
        });
    assertEquals(List.of(0, 1, 2, 3, 4), order);
  }

  @Test
  void workQueuedDuringAnIterationRunsInTheNextOne() {
    List<String> order = new ArrayList<>();
    VirtualLoop.run(
        () -> {
          Loop loop = Loop.current();
          loop.callSoon(
              () -> {
                order.add("first");
                loop.callSoon(() -> order.add("queued by first"));
              });
          loop.callSoon(() -> order.add("second"));
          loop.yieldNow();
          order.add("main resumed");
          loop.yieldNow();
          return null;
        });
    assertEquals(List.of("first", "second", "main resumed", "queued by first"), order);
  }

  @Test
  void aTaskYieldingInALoopDoesNotStarveTimers() {
    int yields =
        VirtualLoop.run(
            () -> {
              Loop loop = Loop.current();
              boolean[] fired = {false};
              loop.callLater(Duration.ZERO, () -> fired[0] = true);
              int n = 0;
              while (!fired[0]) {
                loop.yieldNow();
                n++;
              }
              return n;
            });
    assertTrue(yields <= 2, "timer fired after " + yields + " yields");
  }

  @Test
  void aTaskYieldingInALoopDoesNotStarveThreadsafeCallbacks() throws Exception {
    try (Loop loop = Loop.open()) {
      int yields =
          loop.run(
              () -> {
                boolean[] arrived = {false};
                Thread other = new Thread(() -> loop.callSoonThreadsafe(() -> arrived[0] = true));
                other.start();
                other.join();
                int n = 0;
                while (!arrived[0]) {
                  loop.yieldNow();
                  n++;
                }
                return n;
              });
      assertTrue(yields <= 2, "callback arrived after " + yields + " yields");
    }
  }

  @Test
  void timersNeverFireEarlyAndEqualDeadlinesFireInSchedulingOrder() {
    List<String> fired = new ArrayList<>();
    VirtualLoop.run(
        () -> {
          Loop loop = Loop.current();
          long start = loop.time();
          loop.callLater(Duration.ofMillis(20), () -> fired.add("b@" + (loop.time() - start)));
          loop.callLater(Duration.ofMillis(10), () -> fired.add("a@" + (loop.time() - start)));
          loop.callLater(Duration.ofMillis(20), () -> fired.add("c@" + (loop.time() - start)));
          loop.sleep(Duration.ofMillis(30));
          return null;
        });
    assertEquals(List.of("a@10000000", "b@20000000", "c@20000000"), fired);
  }

  @Test
  void realTimeTimersNeverFireEarly() {
    try (Loop loop = Loop.open()) {
      long elapsed =
          loop.run(
              () -> {
                long start = loop.time();
                loop.sleep(Duration.ofMillis(15));
                return loop.time() - start;
              });
      assertTrue(elapsed >= 15_000_000L, "woke after " + elapsed + " ns");
    }
  }

  @Test
  void aCancelledHandleNeverRuns() {
    List<String> ran = new ArrayList<>();
    VirtualLoop.run(
        () -> {
          Loop loop = Loop.current();
          Handle soon = loop.callSoon(() -> ran.add("soon"));
          Handle later = loop.callLater(Duration.ofSeconds(1), () -> ran.add("later"));
          assertTrue(soon.cancel());
          assertTrue(later.cancel());
          assertFalse(later.cancel());
          assertTrue(later.isCancelled());
          loop.sleep(Duration.ofSeconds(2));
          return null;
        });
    assertEquals(List.of(), ran);
  }

  @Test
  void callAtRunsAtTheGivenLoopTime() {
    long at =
        VirtualLoop.run(
            () -> {
              Loop loop = Loop.current();
              long[] when = {0};
              loop.callAt(loop.time() + 5_000, () -> when[0] = loop.time());
              loop.sleep(Duration.ofMillis(1));
              return when[0];
            });
    assertEquals(5_000, at);
  }

  @Test
  void negativeDelaysAreRejectedWithTheirValue() {
    VirtualLoop.run(
        () -> {
          Loop loop = Loop.current();
          IllegalArgumentException e =
              assertThrows(
                  IllegalArgumentException.class,
                  () -> loop.callLater(Duration.ofMillis(-1), () -> {}));
          assertTrue(e.getMessage().contains("-0.001"), e.getMessage());
          assertThrows(IllegalArgumentException.class, () -> loop.sleep(Duration.ofSeconds(-1)));
          return null;
        });
  }

  @Test
  void aSleepOfAnHourTakesNoRealTimeOnVirtualTime() {
    long real = System.nanoTime();
    long virtual =
        VirtualLoop.run(
            () -> {
              Loop.current().sleep(Duration.ofHours(1));
              return Loop.current().time();
            });
    assertEquals(Duration.ofHours(1).toNanos(), virtual);
    assertTrue(System.nanoTime() - real < Duration.ofSeconds(5).toNanos());
  }

  @Test
  void aCallbackExceptionGoesToTheExceptionHandlerAndTheLoopGoesOn() {
    VirtualLoop fixture = new VirtualLoop();
    try (Loop loop = fixture.loop) {
      String r =
          loop.run(
              () -> {
                loop.callSoon(
                    () -> {
                      throw new IllegalStateException("callback broke");
                    });
                loop.yieldNow();
                return "still running";
              });
      assertEquals("still running", r);
    }
    assertEquals(1, fixture.unhandled.size());
    assertEquals("Exception in callback", fixture.unhandled.get(0).message());
    assertEquals("callback broke", fixture.unhandled.get(0).exception().getMessage());
  }

  @Test
  void aFailureNobodyRetrievedIsReportedWithTheTaskName() {
    VirtualLoop fixture = new VirtualLoop();
    try (Loop loop = fixture.loop) {
      loop.run(
          () -> {
            Task<Void> t =
                loop.spawn(
                    "doomed",
                    () -> {
                      throw new IllegalStateException("nobody listens");
                    });
            loop.yieldNow();
            loop.yieldNow();
            assertTrue(t.isDone());
            return null;
          });
    }
    assertEquals(1, fixture.unhandled.size());
    assertEquals(
        "Task exception was never retrieved: task doomed", fixture.unhandled.get(0).message());
    assertEquals("nobody listens", fixture.unhandled.get(0).exception().getMessage());
  }

  @Test
  void aMainFailureIsRethrownByRunAndNotReportedAsUnretrieved() {
    VirtualLoop fixture = new VirtualLoop();
    try (Loop loop = fixture.loop) {
      assertThrows(
          IllegalStateException.class,
          () ->
              loop.run(
                  () -> {
                    throw new IllegalStateException("main failed");
                  }));
    }
    assertEquals(List.of(), fixture.unhandled);
  }

  @Test
  void aFailureThatWasAwaitedIsNotReported() {
    VirtualLoop fixture = new VirtualLoop();
    try (Loop loop = fixture.loop) {
      loop.run(
          () -> {
            Task<Void> t =
                loop.spawn(
                    () -> {
                      throw new IllegalStateException("seen");
                    });
            assertThrows(IllegalStateException.class, t::await);
            return null;
          });
    }
    assertEquals(List.of(), fixture.unhandled);
  }
}

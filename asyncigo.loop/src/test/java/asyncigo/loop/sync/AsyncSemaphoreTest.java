package asyncigo.loop.sync;

import static asyncigo.api.Async.spawn;
import static asyncigo.api.Async.yieldNow;
import static asyncigo.loop.sync.OnLoop.settle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.Async;
import asyncigo.api.CancelledException;
import asyncigo.api.Task;
import asyncigo.api.WaitMode;
import asyncigo.api.sync.AsyncSemaphore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

@Timeout(value = 10, threadMode = ThreadMode.SEPARATE_THREAD)
class AsyncSemaphoreTest {

  /** A task that takes a permit, logs its name, and keeps the permit (never releases). */
  private static Task<Boolean> taker(AsyncSemaphore semaphore, String name, List<String> log) {
    return spawn(
        name,
        () -> {
          semaphore.acquire();
          return log.add(name);
        });
  }

  @Test
  void negativePermitCountsAreRejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> AsyncSemaphore.create(-1));
    assertEquals("semaphore permits must not be negative: -1", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> AsyncSemaphore.bounded(-3));
  }

  @Test
  void acquiringAnAvailablePermitDoesNotSuspend() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          AsyncSemaphore semaphore = AsyncSemaphore.create(2);
          spawn(() -> log.add("other task ran"));
          semaphore.acquire();
          semaphore.acquire();
          log.add("acquired twice");
          assertEquals(0, semaphore.available());
          settle();
          return null;
        });
    assertEquals(List.of("acquired twice", "other task ran"), log);
  }

  @Test
  void waitersGetPermitsInTheOrderTheyArrived() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          AsyncSemaphore semaphore = AsyncSemaphore.create(0);
          List<Task<Boolean>> tasks =
              List.of(
                  taker(semaphore, "b", log),
                  taker(semaphore, "d", log),
                  taker(semaphore, "a", log),
                  taker(semaphore, "c", log));
          settle();
          semaphore.release();
          semaphore.release();
          settle();
          assertEquals(List.of("b", "d"), log);
          semaphore.release();
          semaphore.release();
          Async.await(WaitMode.ALL_COMPLETED, List.copyOf(tasks));
          assertEquals(0, semaphore.available());
          return null;
        });
    assertEquals(List.of("b", "d", "a", "c"), log);
  }

  /** python/cpython#90155: a newcomer must not take the permit a release handed to a waiter. */
  @Test
  void newcomerCannotTakeAPermitReleasedToAWaiter() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          AsyncSemaphore semaphore = AsyncSemaphore.create(1);
          semaphore.acquire();
          Task<Boolean> waiter = taker(semaphore, "waiter", log);
          settle();
          semaphore.release();
          assertEquals(0, semaphore.available());
          Task<Boolean> newcomer = taker(semaphore, "newcomer", log);
          settle();
          assertTrue(waiter.isDone());
          assertFalse(newcomer.isDone());
          newcomer.cancel();
          return null;
        });
    assertEquals(List.of("waiter"), log);
  }

  @Test
  void boundedSemaphoreReleasedTooOftenThrows() {
    OnLoop.run(
        () -> {
          AsyncSemaphore semaphore = AsyncSemaphore.bounded(2);
          IllegalStateException e = assertThrows(IllegalStateException.class, semaphore::release);
          assertEquals(
              "bounded semaphore released too many times: it holds 2 permits", e.getMessage());
          semaphore.acquire();
          semaphore.release();
          assertThrows(IllegalStateException.class, semaphore::release);
          assertEquals(2, semaphore.available());
          return null;
        });
  }

  @Test
  void unboundedSemaphoreGainsPermitsFromExtraReleasesUntilTheCountWouldOverflow() {
    OnLoop.run(
        () -> {
          AsyncSemaphore semaphore = AsyncSemaphore.create(1);
          semaphore.release();
          assertEquals(2, semaphore.available());
          AsyncSemaphore full = AsyncSemaphore.create(Integer.MAX_VALUE);
          IllegalStateException e = assertThrows(IllegalStateException.class, full::release);
          assertEquals("semaphore permit count would overflow", e.getMessage());
          return null;
        });
  }

  @Test
  void cancelledWaiterLeavesTheCountUntouched() {
    OnLoop.run(
        () -> {
          AsyncSemaphore semaphore = AsyncSemaphore.bounded(1);
          semaphore.acquire();
          Task<Void> waiter =
              spawn(
                  () -> {
                    semaphore.acquire();
                    return null;
                  });
          settle();
          waiter.cancel();
          settle();
          assertTrue(waiter.isCancelled());
          semaphore.release();
          assertEquals(1, semaphore.available());
          return null;
        });
  }

  /** python/cpython#90155: the semaphore hung when a waiter was cancelled after a release. */
  @Test
  void waiterCancelledAfterAPermitWasHandedToItPassesThePermitOn() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          AsyncSemaphore semaphore = AsyncSemaphore.bounded(1);
          semaphore.acquire();
          Task<Boolean> a = taker(semaphore, "a", log);
          Task<Boolean> b = taker(semaphore, "b", log);
          settle();
          semaphore.release();
          a.cancel();
          assertThrows(CancelledException.class, a::await);
          b.await();
          assertEquals(0, semaphore.available());
          return null;
        });
    assertEquals(List.of("b"), log);
  }

  @Test
  void lastWaiterCancelledAfterTheHandOverGivesThePermitBack() {
    OnLoop.run(
        () -> {
          AsyncSemaphore semaphore = AsyncSemaphore.bounded(1);
          semaphore.acquire();
          Task<Boolean> a = taker(semaphore, "a", new ArrayList<>());
          settle();
          semaphore.release();
          a.cancel();
          settle();
          assertTrue(a.isCancelled());
          assertEquals(1, semaphore.available());
          return null;
        });
  }

  @Test
  void withPermitReleasesHoweverTheBlockEnds() {
    OnLoop.run(
        () -> {
          AsyncSemaphore semaphore = AsyncSemaphore.bounded(1);
          assertThrows(
              IllegalStateException.class,
              () ->
                  semaphore.withPermit(
                      () -> {
                        yieldNow();
                        throw new IllegalStateException("block failed");
                      }));
          assertEquals(1, semaphore.available());
          assertEquals("ok", semaphore.withPermit(() -> "ok"));
          assertEquals(1, semaphore.available());
          return null;
        });
  }
}

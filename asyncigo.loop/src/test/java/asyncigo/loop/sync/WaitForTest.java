package asyncigo.loop.sync;

import static asyncigo.api.Async.currentTask;
import static asyncigo.api.Async.shielded;
import static asyncigo.api.Async.sleep;
import static asyncigo.api.Async.spawn;
import static asyncigo.loop.sync.OnLoop.nowMillis;
import static asyncigo.loop.sync.TaskGroupTest.after;
import static asyncigo.loop.sync.TaskGroupTest.ms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.CancelledException;
import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.Promise;
import asyncigo.api.Task;
import asyncigo.api.sync.Timeout;
import asyncigo.api.sync.TimeoutExceededException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout.ThreadMode;

/** Timeout.waitFor: asyncio 3.12 wait_for on the virtual clock. */
@org.junit.jupiter.api.Timeout(value = 10, threadMode = ThreadMode.SEPARATE_THREAD)
class WaitForTest {

  /** A task that sleeps and, when cancelled, cleans up for 5 ms. */
  private static Task<Long> slowToCancel(long millis, List<String> log) {
    return spawn(
        () -> {
          try {
            return after(millis);
          } finally {
            shielded(() -> after(5));
            log.add("cleaned up at " + nowMillis());
          }
        });
  }

  @Test
  void returnsTheResultOfAFutureThatCompletesInTime() {
    OnLoop.run(
        () -> {
          Task<Long> task = spawn(() -> after(5));
          assertEquals(5L, (long) Timeout.waitFor(task, ms(10)));
          assertEquals(5, nowMillis());
          return null;
        });
  }

  @Test
  void onTimeoutCancelsATaskAndWaitsForItsCleanupBeforeThrowing() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          Task<Long> task = slowToCancel(1000, log);
          assertThrows(TimeoutExceededException.class, () -> Timeout.waitFor(task, ms(10)));
          log.add("waitFor threw at " + nowMillis());
          assertTrue(task.isCancelled());
          assertEquals(0, currentTask().cancelling());
          return null;
        });
    assertEquals(List.of("cleaned up at 15", "waitFor threw at 15"), log);
  }

  @Test
  void theTimeoutMessageNamesTheLimitTheWaitingTaskAndTheTaskAwaited() {
    OnLoop.run(
        () -> {
          Task<Long> fetch = spawn("fetch", () -> after(1000));
          TimeoutExceededException onTask =
              assertThrows(TimeoutExceededException.class, () -> Timeout.waitFor(fetch, ms(500)));
          assertEquals(
              "timed out after 500ms in task main, waiting for task fetch", onTask.getMessage());
          Promise<String> reply = Loop.current().newFuture();
          TimeoutExceededException onFuture =
              assertThrows(TimeoutExceededException.class, () -> Timeout.waitFor(reply, ms(10)));
          assertEquals("timed out after 10ms in task main", onFuture.getMessage());
          return null;
        });
  }

  @Test
  void onTimeoutCancelsAPlainFuture() {
    OnLoop.run(
        () -> {
          Promise<String> reply = Loop.current().newFuture();
          assertThrows(TimeoutExceededException.class, () -> Timeout.waitFor(reply, ms(10)));
          assertTrue(reply.isCancelled());
          return null;
        });
  }

  @Test
  void anOutsideCancellationCancelsTheFutureWaitsForItAndPropagates() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          Task<Long> inner = slowToCancel(1000, log);
          Task<Long> waiter = spawn(() -> Timeout.waitFor(inner, ms(100)));
          sleep(ms(10));
          waiter.cancel();
          assertThrows(CancelledException.class, waiter::await);
          log.add("waiter ended at " + nowMillis());
          assertTrue(inner.isCancelled());
          return null;
        });
    assertEquals(List.of("cleaned up at 15", "waiter ended at 15"), log);
  }

  @Test
  void aTaskThatRefusesTheCancellationAndReturnsGivesItsResult() {
    OnLoop.run(
        () -> {
          Task<String> stubborn =
              spawn(
                  () -> {
                    try {
                      after(1000);
                      return "slept";
                    } catch (CancelledException e) {
                      currentTask().uncancel();
                      return "finished anyway at " + after(5);
                    }
                  });
          assertEquals("finished anyway at 15", Timeout.waitFor(stubborn, ms(10)));
          assertEquals(0, currentTask().cancelling());
          return null;
        });
  }

  @Test
  void aTaskThatFailsWhileCancellingGivesItsFailure() {
    OnLoop.run(
        () -> {
          Task<String> failing =
              spawn(
                  () -> {
                    try {
                      after(1000);
                      return "slept";
                    } catch (CancelledException e) {
                      currentTask().uncancel();
                      throw new IllegalStateException("failed while cancelling");
                    }
                  });
          IllegalStateException e =
              assertThrows(IllegalStateException.class, () -> Timeout.waitFor(failing, ms(10)));
          assertEquals("failed while cancelling", e.getMessage());
          return null;
        });
  }

  @Test
  void aFutureCancelledBySomeoneElseThrowsCancelledException() {
    OnLoop.run(
        () -> {
          Loop loop = Loop.current();
          Promise<String> reply = loop.newFuture();
          loop.callLater(ms(5), reply::cancel);
          assertThrows(CancelledException.class, () -> Timeout.waitFor(reply, ms(10)));
          assertEquals(0, currentTask().cancelling());
          return null;
        });
  }

  @Test
  void waitForInATaskThatIsAlreadyCancelledCancelsTheFutureAndWaitsForIt() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          Task<Long> inner = slowToCancel(1000, log);
          OnLoop.settle();
          Task<Long> waiter =
              spawn(
                  () -> {
                    currentTask().cancel();
                    return Timeout.waitFor(inner, ms(100));
                  });
          assertThrows(CancelledException.class, waiter::await);
          log.add("waiter ended at " + nowMillis());
          assertTrue(inner.isCancelled());
          return null;
        });
    assertEquals(List.of("cleaned up at 5", "waiter ended at 5"), log);
  }
}

package asyncigo.loop.sync;

import static asyncigo.api.Async.currentTask;
import static asyncigo.api.Async.sleep;
import static asyncigo.api.Async.spawn;
import static asyncigo.loop.sync.OnLoop.nowMillis;
import static asyncigo.loop.sync.TaskGroupTest.after;
import static asyncigo.loop.sync.TaskGroupTest.fail;
import static asyncigo.loop.sync.TaskGroupTest.ms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.CancelledException;
import asyncigo.api.Task;
import asyncigo.api.sync.TaskGroup;
import asyncigo.api.sync.Timeout;
import asyncigo.api.sync.TimeoutExceededException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * Task groups and timeouts nested in each other: each scope withdraws only its own cancellation
 * request (python/cpython#133747, #155433: cancel counting between timeout and TaskGroup).
 */
@org.junit.jupiter.api.Timeout(value = 10, threadMode = ThreadMode.SEPARATE_THREAD)
class ScopeCombinationTest {

  @Test
  void aTimeoutAroundATaskGroupCancelsItsTasksAndTimesOut() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          assertThrows(
              TimeoutExceededException.class,
              () ->
                  Timeout.failAfter(
                      ms(10),
                      timeout ->
                          TaskGroup.scope(
                              group -> {
                                group.spawn(
                                    () -> {
                                      try {
                                        return after(1000);
                                      } finally {
                                        log.add("task's finally at " + nowMillis());
                                      }
                                    });
                                return after(1000);
                              })));
          log.add("timed out at " + nowMillis());
          assertEquals(0, currentTask().cancelling());
          return null;
        });
    assertEquals(List.of("task's finally at 10", "timed out at 10"), log);
  }

  @Test
  void aGroupFailureInsideATimeoutIsThrownAndTheTimeoutStaysArmedUntilTheScopeEnds() {
    OnLoop.run(
        () -> {
          IllegalStateException e =
              assertThrows(
                  IllegalStateException.class,
                  () ->
                      Timeout.failAfter(
                          ms(100),
                          timeout ->
                              TaskGroup.scope(
                                  group -> {
                                    group.spawn(() -> fail(10, new IllegalStateException("boom")));
                                    return after(1000);
                                  })));
          assertEquals("boom", e.getMessage());
          assertEquals(0, currentTask().cancelling());
          sleep(ms(200)); // the timeout's timer is gone: nothing cancels this sleep
          return null;
        });
  }

  @Test
  void aTimeoutExpiringWhileTheGroupHandlesAFailureLetsTheFailureThrough() {
    OnLoop.run(
        () -> {
          IllegalStateException e =
              assertThrows(
                  IllegalStateException.class,
                  () ->
                      Timeout.failAfter(
                          ms(12),
                          timeout ->
                              TaskGroup.scope(
                                  group -> {
                                    group.spawn(() -> fail(10, new IllegalStateException("boom")));
                                    group.spawn(
                                        () -> {
                                          try {
                                            return after(1000);
                                          } finally {
                                            currentTask().shielded(() -> after(5));
                                          }
                                        });
                                    return after(1000);
                                  })));
          assertEquals("boom", e.getMessage());
          assertEquals(15, nowMillis());
          assertEquals(0, currentTask().cancelling());
          return null;
        });
  }

  @Test
  void aTimeoutInsideAGroupTaskOnlyEndsThatTask() {
    OnLoop.run(
        () -> {
          String result =
              TaskGroup.scope(
                  group -> {
                    Task<String> patient = group.spawn(() -> "patient at " + after(20));
                    Task<String> hasty =
                        group.spawn(
                            () ->
                                Timeout.moveOnAfter(ms(5), timeout -> "slept " + after(1000))
                                    .orElse("gave up at " + nowMillis()));
                    return hasty.await() + ", " + patient.await();
                  });
          assertEquals("gave up at 5, patient at 20", result);
          return null;
        });
  }

  @Test
  void anOutsideCancellationOfATimeoutInsideATaskGroupEndsEverythingCancelled() {
    OnLoop.run(
        () -> {
          Task<Object> owner =
              spawn(
                  () ->
                      TaskGroup.scope(
                          group -> {
                            group.spawn(() -> after(1000));
                            return Timeout.failAfter(ms(100), timeout -> after(1000));
                          }));
          sleep(ms(10));
          owner.cancel();
          assertThrows(CancelledException.class, owner::await);
          assertTrue(owner.isCancelled());
          assertEquals(10, nowMillis());
          return null;
        });
  }
}

package asyncigo.loop.sync;

import static asyncigo.api.Async.currentTask;
import static asyncigo.api.Async.shielded;
import static asyncigo.api.Async.sleep;
import static asyncigo.api.Async.spawn;
import static asyncigo.loop.sync.OnLoop.nowMillis;
import static asyncigo.loop.sync.TaskGroupTest.after;
import static asyncigo.loop.sync.TaskGroupTest.fail;
import static asyncigo.loop.sync.TaskGroupTest.ms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.CancelledException;
import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.Promise;
import asyncigo.api.Task;
import asyncigo.api.sync.TaskGroup;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.Timeout;

/** Cancellation matrix: outside cancellation of the owner, TaskGroup.cancel(), and both. */
@Timeout(value = 10, threadMode = ThreadMode.SEPARATE_THREAD)
class TaskGroupCancellationTest {

  /** A group task that sleeps long and, when cancelled, cleans up for 5 ms (shielded). */
  private static long slowToCancel(List<String> log) {
    try {
      return after(1000);
    } finally {
      shielded(() -> after(5));
      log.add("task cleaned up at " + nowMillis());
    }
  }

  /** Runs {@code body} in a group inside a new task, logging how the scope ended. */
  private static Task<Object> owner(List<String> log, TaskGroup.Body<Object> body) {
    return spawn(
        "owner",
        () -> {
          try {
            Object result = TaskGroup.scope(body);
            log.add("scope returned " + result + " at " + nowMillis());
            return result;
          } catch (RuntimeException e) {
            log.add("scope threw " + e.getClass().getSimpleName() + " at " + nowMillis());
            throw e;
          }
        });
  }

  @Test
  void outsideCancellationCancelsTheTasksWaitsForThemAndPropagates() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          Task<Object> owner =
              owner(
                  log,
                  group -> {
                    group.spawn(() -> slowToCancel(log));
                    return after(1000);
                  });
          sleep(ms(10));
          owner.cancel();
          assertThrows(CancelledException.class, owner::await);
          assertTrue(owner.isCancelled());
          return null;
        });
    assertEquals(
        List.of("task cleaned up at 15", "scope threw CancelledException at 15"), log);
  }

  @Test
  void outsideCancellationWhileTheScopeWaitsForItsTasksPropagates() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          Task<Object> owner =
              owner(
                  log,
                  group -> {
                    group.spawn(() -> slowToCancel(log));
                    return "body result";
                  });
          sleep(ms(10));
          owner.cancel();
          assertThrows(CancelledException.class, owner::await);
          return null;
        });
    assertEquals(
        List.of("task cleaned up at 15", "scope threw CancelledException at 15"), log);
  }

  @Test
  void cancelFromTheBodyEndsTheScopeQuietly() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          Task<Object> owner =
              owner(
                  log,
                  group -> {
                    group.spawn(() -> slowToCancel(log));
                    sleep(ms(10));
                    group.cancel();
                    group.cancel();
                    return after(1000);
                  });
          assertNull(owner.await());
          return null;
        });
    assertEquals(List.of("task cleaned up at 15", "scope returned null at 15"), log);
  }

  @Test
  void cancelFromAGroupTaskEndsTheScopeQuietlyAndTheOwnerGoesOn() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          TaskGroup.scope(
              group -> {
                group.spawn(() -> slowToCancel(log));
                group.spawn(
                    () -> {
                      sleep(ms(10));
                      group.cancel();
                      return null;
                    });
                return after(1000);
              });
          assertEquals(0, currentTask().cancelling());
          log.add("owner sleeps again, until " + after(5));
          return null;
        });
    assertEquals(List.of("task cleaned up at 15", "owner sleeps again, until 20"), log);
  }

  @Test
  void cancelAfterTheBodyReturnedKeepsTheBodysResult() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          Task<Object> owner =
              owner(
                  log,
                  group -> {
                    group.spawn(() -> slowToCancel(log));
                    group.spawn(
                        () -> {
                          sleep(ms(10));
                          group.cancel();
                          return null;
                        });
                    return "body result";
                  });
          assertEquals("body result", owner.await());
          return null;
        });
    assertEquals(List.of("task cleaned up at 15", "scope returned body result at 15"), log);
  }

  /** The group's own request, never thrown into the body, is withdrawn: the value goes through. */
  @Test
  void cancelArrivingAfterTheBodysValueWasDeliveredKeepsTheValueAndTheCancelCount() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          Promise<String> reply = Loop.current().newFuture();
          TaskGroup[] group = new TaskGroup[1];
          Task<Object> owner =
              owner(
                  log,
                  g -> {
                    group[0] = g;
                    return reply.await();
                  });
          OnLoop.settle();
          reply.complete("reply");
          group[0].cancel();
          assertEquals(1, owner.cancelling(), "the group interrupts the body");
          assertEquals("reply", owner.await());
          assertEquals(0, owner.cancelling());
          return null;
        });
    assertEquals(List.of("scope returned reply at 0"), log);
  }

  @Test
  void cancelDoesNotSwallowAnOutsideCancellationArrivingWithIt() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          TaskGroup[] group = new TaskGroup[1];
          Task<Object> owner =
              owner(
                  log,
                  g -> {
                    group[0] = g;
                    g.spawn(() -> slowToCancel(log));
                    return after(1000);
                  });
          sleep(ms(10));
          group[0].cancel();
          owner.cancel();
          assertThrows(CancelledException.class, owner::await);
          assertTrue(owner.isCancelled());
          return null;
        });
    assertEquals(
        List.of("task cleaned up at 15", "scope threw CancelledException at 15"), log);
  }

  @Test
  void outsideCancellationArrivingAfterTheGroupsOwnStillPropagates() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          Task<Object> owner =
              owner(
                  log,
                  group -> {
                    group.spawn(() -> slowToCancel(log));
                    sleep(ms(10));
                    group.cancel();
                    return after(1000);
                  });
          sleep(ms(12));
          owner.cancel(); // while the scope waits for the cancelled task's cleanup
          assertThrows(CancelledException.class, owner::await);
          return null;
        });
    assertEquals(
        List.of("task cleaned up at 15", "scope threw CancelledException at 15"), log);
  }

  @Test
  void aFailureArrivingWithAnOutsideCancellationIsThrownAndTheOwnerStaysCancelled() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          Loop loop = Loop.current();
          Task<Object> owner =
              spawn(
                  () -> {
                    try {
                      TaskGroup.scope(
                          group -> {
                            group.spawn(() -> fail(10, new IllegalStateException("boom")));
                            return after(1000);
                          });
                    } catch (IllegalStateException e) {
                      log.add("scope threw " + e.getMessage() + ", cancelling "
                          + currentTask().cancelling());
                    }
                    try {
                      sleep(ms(1));
                    } catch (CancelledException e) {
                      log.add("next await threw CancelledException");
                      throw e;
                    }
                    return null;
                  });
          OnLoop.settle(); // the failing task's timer is due first at 10 ms, the cancel right after
          loop.callAt(ms(10).toNanos(), owner::cancel);
          assertThrows(CancelledException.class, owner::await);
          return null;
        });
    assertEquals(
        List.of("scope threw boom, cancelling 1", "next await threw CancelledException"), log);
  }

  @Test
  void anOwnerCancelledBeforeTheScopeNeverRunsItsTasks() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          Task<Object> owner =
              spawn(
                  () -> {
                    currentTask().cancel();
                    return TaskGroup.scope(
                        group -> {
                          group.spawn(() -> log.add("task ran"));
                          return after(10);
                        });
                  });
          assertThrows(CancelledException.class, owner::await);
          return null;
        });
    assertEquals(List.of(), log);
  }
}

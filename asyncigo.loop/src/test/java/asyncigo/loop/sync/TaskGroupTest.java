package asyncigo.loop.sync;

import static asyncigo.api.Async.currentTask;
import static asyncigo.api.Async.sleep;
import static asyncigo.api.Async.spawn;
import static asyncigo.loop.sync.OnLoop.nowMillis;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.CancelledException;
import asyncigo.api.Task;
import asyncigo.api.UncheckedExecutionException;
import asyncigo.api.sync.TaskGroup;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/** The task group's lifecycle and failure matrix; cancellation has its own test class. */
@Timeout(value = 10, threadMode = ThreadMode.SEPARATE_THREAD)
class TaskGroupTest {

  static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  @Test
  void scopeReturnsTheBodysResultOnceEveryTaskHasEnded() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          String result =
              TaskGroup.scope(
                  group -> {
                    group.spawn(() -> log.add("slow ended at " + after(30)));
                    group.spawn(() -> log.add("fast ended at " + after(10)));
                    log.add("body returns at " + nowMillis());
                    return "result";
                  });
          log.add("scope returned " + result + " at " + nowMillis());
          return null;
        });
    assertEquals(
        List.of(
            "body returns at 0",
            "fast ended at 10",
            "slow ended at 30",
            "scope returned result at 30"),
        log);
  }

  /** Sleeps {@code millis} and returns the loop time in milliseconds. */
  static long after(long millis) {
    sleep(ms(millis));
    return nowMillis();
  }

  @Test
  void tasksThatGroupTasksSpawnInTheGroupAreAwaitedToo() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          TaskGroup.scope(
              group -> {
                group.spawn(
                    () -> {
                      sleep(ms(10));
                      return group.spawn(() -> log.add("grandchild ended at " + after(20)));
                    });
                return null;
              });
          log.add("scope returned at " + nowMillis());
          return null;
        });
    assertEquals(List.of("grandchild ended at 30", "scope returned at 30"), log);
  }

  @Test
  void firstFailureCancelsTheOtherTasksAndTheBodyThenIsThrown() {
    List<String> log = new ArrayList<>();
    IllegalStateException boom = new IllegalStateException("boom");
    OnLoop.run(
        () -> {
          IllegalStateException thrown =
              assertThrows(
                  IllegalStateException.class,
                  () ->
                      TaskGroup.scope(
                          group -> {
                            group.spawn(
                                () -> {
                                  try {
                                    return after(1000);
                                  } finally {
                                    log.add("sibling's finally at " + nowMillis());
                                  }
                                });
                            group.spawn(
                                () -> {
                                  sleep(ms(10));
                                  throw boom;
                                });
                            try {
                              return after(1000);
                            } catch (CancelledException e) {
                              log.add("body cancelled at " + nowMillis());
                              throw e;
                            }
                          }));
          assertSame(boom, thrown);
          assertArrayEquals(new Throwable[0], thrown.getSuppressed());
          assertEquals(0, currentTask().cancelling(), "the group withdrew its own request");
          log.add("owner sleeps again, until " + after(5));
          return null;
        });
    assertEquals(
        List.of("sibling's finally at 10", "body cancelled at 10", "owner sleeps again, until 15"),
        log);
  }

  @Test
  void laterFailuresAreAttachedToTheFirstAsSuppressed() {
    OnLoop.run(
        () -> {
          IllegalStateException thrown =
              assertThrows(
                  IllegalStateException.class,
                  () ->
                      TaskGroup.scope(
                          group -> {
                            group.spawn(() -> fail(10, new IllegalStateException("first")));
                            group.spawn(() -> fail(10, new IllegalArgumentException("second")));
                            try {
                              return after(1000);
                            } catch (CancelledException e) {
                              throw new UnsupportedOperationException("body, third");
                            }
                          }));
          assertEquals("first", thrown.getMessage());
          List<String> suppressed = new ArrayList<>();
          for (Throwable t : thrown.getSuppressed()) {
            suppressed.add(t.getClass().getSimpleName() + ": " + t.getMessage());
          }
          assertEquals(
              List.of(
                  "IllegalArgumentException: second", "UnsupportedOperationException: body, third"),
              suppressed);
          return null;
        });
  }

  static <T> T fail(long afterMillis, RuntimeException failure) {
    sleep(ms(afterMillis));
    throw failure;
  }

  @Test
  void aFailureOfTheBodyCancelsTheTasksAndIsThrown() {
    OnLoop.run(
        () -> {
          List<Task<Long>> tasks = new ArrayList<>();
          IllegalStateException thrown =
              assertThrows(
                  IllegalStateException.class,
                  () ->
                      TaskGroup.scope(
                          group -> {
                            tasks.add(group.spawn(() -> after(1000)));
                            tasks.add(group.spawn(() -> after(1000)));
                            throw new IllegalStateException("body failed");
                          }));
          assertEquals("body failed", thrown.getMessage());
          assertTrue(tasks.get(0).isCancelled());
          assertTrue(tasks.get(1).isCancelled());
          assertEquals(0, nowMillis(), "no task ran its body");
          return null;
        });
  }

  @Test
  void aCheckedFailureIsWrapped() {
    IOException io = new IOException("disk");
    OnLoop.run(
        () -> {
          UncheckedExecutionException thrown =
              assertThrows(
                  UncheckedExecutionException.class,
                  () ->
                      TaskGroup.scope(
                          group -> {
                            group.spawn(
                                () -> {
                                  throw io;
                                });
                            return null;
                          }));
          assertSame(io, thrown.getCause());
          return null;
        });
  }

  @Test
  void aTaskThatEndsCancelledIsNotAFailure() {
    OnLoop.run(
        () -> {
          String result =
              TaskGroup.scope(
                  group -> {
                    Task<Long> doomed = group.spawn(() -> after(1000));
                    Task<Long> survivor = group.spawn(() -> after(20));
                    sleep(ms(10));
                    doomed.cancel();
                    return "survivor ended at " + survivor.await();
                  });
          assertEquals("survivor ended at 20", result);
          return null;
        });
  }

  @Test
  void aFailureAfterTheBodyReturnedCancelsTheOtherTasksButNotTheOwner() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          IllegalStateException thrown =
              assertThrows(
                  IllegalStateException.class,
                  () ->
                      TaskGroup.scope(
                          group -> {
                            group.spawn(() -> fail(10, new IllegalStateException("late")));
                            group.spawn(
                                () -> {
                                  try {
                                    return after(1000);
                                  } catch (CancelledException e) {
                                    log.add("sibling cancelled at " + nowMillis());
                                    throw e;
                                  }
                                });
                            return "body result";
                          }));
          assertEquals("late", thrown.getMessage());
          assertEquals(0, currentTask().cancelling());
          return null;
        });
    assertEquals(List.of("sibling cancelled at 10"), log);
  }

  @Test
  void nestedGroupsPassAnInnerFailureOutward() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          IllegalStateException thrown =
              assertThrows(
                  IllegalStateException.class,
                  () ->
                      TaskGroup.scope(
                          outer -> {
                            outer.spawn(
                                () -> {
                                  try {
                                    return after(1000);
                                  } catch (CancelledException e) {
                                    log.add("outer sibling cancelled at " + nowMillis());
                                    throw e;
                                  }
                                });
                            return TaskGroup.scope(
                                inner -> {
                                  inner.spawn(() -> fail(10, new IllegalStateException("inner")));
                                  return after(1000);
                                });
                          }));
          assertEquals("inner", thrown.getMessage());
          assertEquals(0, currentTask().cancelling());
          return null;
        });
    assertEquals(List.of("outer sibling cancelled at 10"), log);
  }

  @Test
  void anOuterFailureCancelsAnInnerGroupAndIsThrown() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          IllegalStateException thrown =
              assertThrows(
                  IllegalStateException.class,
                  () ->
                      TaskGroup.scope(
                          outer -> {
                            outer.spawn(() -> fail(10, new IllegalStateException("outer")));
                            try {
                              return TaskGroup.scope(
                                  inner -> {
                                    inner.spawn(
                                        () -> {
                                          try {
                                            return after(1000);
                                          } finally {
                                            log.add("inner task's finally at " + nowMillis());
                                          }
                                        });
                                    return after(1000);
                                  });
                            } catch (CancelledException e) {
                              log.add("inner scope threw CancelledException");
                              throw e;
                            }
                          }));
          assertEquals("outer", thrown.getMessage());
          assertEquals(0, currentTask().cancelling());
          return null;
        });
    assertEquals(
        List.of("inner task's finally at 10", "inner scope threw CancelledException"), log);
  }

  @Test
  void spawnIsRefusedOnceTheGroupShutsDownOrHasFinished() {
    OnLoop.run(
        () -> {
          TaskGroup[] escaped = new TaskGroup[1];
          TaskGroup.scope(
              group -> {
                escaped[0] = group;
                group.cancel();
                IllegalStateException e =
                    assertThrows(IllegalStateException.class, () -> group.spawn(() -> 1));
                assertEquals(
                    "spawn() on a task group that is shutting down after a failure or cancellation",
                    e.getMessage());
                return null;
              });
          IllegalStateException e =
              assertThrows(IllegalStateException.class, () -> escaped[0].spawn("late", () -> 1));
          assertEquals("spawn() on a task group that has finished", e.getMessage());
          escaped[0].cancel(); // a no-op once the scope has ended
          assertEquals(0, currentTask().cancelling());
          return null;
        });
  }

  @Test
  void namedTasksKeepTheirNames() {
    OnLoop.run(
        () -> {
          TaskGroup.scope(
              group -> {
                assertEquals("worker", group.spawn("worker", () -> 1).name());
                return null;
              });
          return null;
        });
  }

  @Test
  void scopeOutsideALoopThrows() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> TaskGroup.scope(group -> null));
    assertEquals("no running asyncigo loop on this thread", e.getMessage());
  }

  @Test
  void scopeReturnsNullWhenTheBodyReturnsNull() {
    OnLoop.run(
        () -> {
          assertNull(TaskGroup.scope(group -> null));
          return null;
        });
  }
}

package asyncigo.loop.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.Promise;
import asyncigo.api.Task;
import asyncigo.api.UncheckedExecutionException;
import java.io.IOException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

class TaskLifecycleTest {

  @Test
  void spawnedTaskStartsOnlyAfterTheSpawnerSuspends() {
    List<String> order = new ArrayList<>();
    VirtualLoop.run(
        () -> {
          Loop loop = Loop.current();
          Task<Void> t =
              loop.spawn(
                  () -> {
                    order.add("child");
                    return null;
                  });
          order.add("spawner before yield");
          assertFalse(t.isDone());
          loop.yieldNow();
          order.add("spawner after yield");
          return null;
        });
    assertEquals(List.of("spawner before yield", "child", "spawner after yield"), order);
  }

  @Test
  void awaitReturnsTheTaskResult() {
    int r = VirtualLoop.run(() -> Loop.current().spawn(() -> 6 * 7).await());
    assertEquals(42, r);
  }

  @Test
  void awaitRethrowsARuntimeFailureAsItIs() {
    IllegalArgumentException boom = new IllegalArgumentException("boom");
    IllegalArgumentException thrown =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                VirtualLoop.run(
                    () ->
                        Loop.current()
                            .spawn(
                                () -> {
                                  throw boom;
                                })
                            .await()));
    assertSame(boom, thrown);
  }

  @Test
  void awaitWrapsACheckedFailureInUncheckedExecutionException() {
    UncheckedExecutionException e =
        assertThrows(
            UncheckedExecutionException.class,
            () ->
                VirtualLoop.run(
                    () ->
                        Loop.current()
                            .spawn(
                                () -> {
                                  throw new IOException("disk");
                                })
                            .await()));
    assertEquals(IOException.class, e.getCause().getClass());
    assertEquals("disk", e.getCause().getMessage());
  }

  @Test
  void runRethrowsTheMainFailure() {
    assertThrows(
        IllegalStateException.class,
        () ->
            VirtualLoop.run(
                () -> {
                  throw new IllegalStateException("main failed");
                }));
  }

  @Test
  void tasksAreNamedInSpawnOrderUnlessNamed() {
    List<String> names =
        VirtualLoop.run(
            () -> {
              Loop loop = Loop.current();
              Task<?> a = loop.spawn(() -> null);
              Task<?> b = loop.spawn("custom", () -> null);
              Task<?> c = loop.spawn(() -> null);
              return List.of(a.name(), b.name(), c.name(), loop.currentTask().orElseThrow().name());
            });
    assertEquals(List.of("task-1", "custom", "task-2", "main"), names);
  }

  /**
   * A task is the read side of its result: {@code t.complete(2)} does not compile, because {@link
   * Task} extends {@link asyncigo.api.Future} and not {@link Promise}; at run time no task is a
   * promise and the type has no setter to call.
   */
  @Test
  void aTaskResultCannotBeSetFromOutside() {
    VirtualLoop.run(
        () -> {
          Task<Integer> t = Loop.current().spawn(() -> 1);
          assertFalse(t instanceof Promise<?>, "a task is not a promise");
          assertEquals(
              List.of(),
              Arrays.stream(Task.class.getMethods())
                  .map(Method::getName)
                  .filter(n -> n.equals("complete") || n.equals("fail"))
                  .toList());
          assertEquals(1, t.await());
          return null;
        });
  }

  @Test
  void stillPendingTasksAreCancelledAndCleanedUpBeforeRunReturns() {
    List<String> events = new ArrayList<>();
    VirtualLoop.run(
        () -> {
          Loop loop = Loop.current();
          loop.spawn(
              () -> {
                try {
                  loop.sleep(Duration.ofHours(1));
                  events.add("slept");
                } finally {
                  events.add("cleanup ran");
                }
                return null;
              });
          loop.yieldNow();
          loop.spawn(
              () -> {
                events.add("never started: should not appear");
                return null;
              });
          events.add("main ends");
          return null;
        });
    assertEquals(List.of("main ends", "cleanup ran"), events);
  }

  @Test
  void cleanupMayAwaitDuringShutdownInsideAShieldedRegion() {
    List<String> events = new ArrayList<>();
    VirtualLoop.run(
        () -> {
          Loop loop = Loop.current();
          loop.spawn(
              () -> {
                try {
                  loop.sleep(Duration.ofHours(1));
                } finally {
                  Loop.current()
                      .currentTask()
                      .orElseThrow()
                      .shielded(
                          () -> {
                            loop.sleep(Duration.ofSeconds(1));
                            events.add("goodbye sent at " + loop.time() / 1_000_000_000L + "s");
                            return null;
                          });
                }
                return null;
              });
          loop.sleep(Duration.ofSeconds(2));
          return null;
        });
    assertEquals(List.of("goodbye sent at 3s"), events);
  }

  /** Fails before any state change: a pending cancellation is neither thrown nor consumed. */
  @Test
  @Timeout(value = 10, threadMode = ThreadMode.SEPARATE_THREAD)
  void aTaskAwaitingItselfFailsAtOnceInsteadOfHanging() {
    VirtualLoop.run(
        () -> {
          Loop loop = Loop.current();
          Task<String> t =
              loop.spawn(
                  "selfish",
                  () -> {
                    Task<?> me = loop.currentTask().orElseThrow();
                    me.cancel();
                    IllegalStateException e = assertThrows(IllegalStateException.class, me::await);
                    assertEquals("a task cannot await itself: selfish", e.getMessage());
                    assertEquals(1, me.cancelling());
                    return "went on";
                  });
          assertEquals("went on", t.await());
          return null;
        });
  }

  @Test
  void theLoopCanRunAgainAfterARunEnds() {
    VirtualLoop fixture = new VirtualLoop();
    try (Loop loop = fixture.loop) {
      assertEquals(1, loop.run(() -> 1));
      assertEquals(2, loop.run(() -> 2));
    }
  }

  @Test
  void futuresAndTasksReportTheirState() {
    VirtualLoop.run(
        () -> {
          Loop loop = Loop.current();
          Promise<String> f = loop.newFuture();
          assertEquals(Future.State.PENDING, f.state());
          Task<String> t = loop.spawn(() -> "x");
          t.await();
          assertEquals(Future.State.SUCCEEDED, t.state());
          assertTrue(t.isDone());
          f.cancel();
          assertEquals(Future.State.CANCELLED, f.state());
          return null;
        });
  }
}

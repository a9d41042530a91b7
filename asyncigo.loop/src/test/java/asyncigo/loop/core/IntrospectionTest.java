package asyncigo.loop.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.LoopOptions;
import asyncigo.api.Promise;
import asyncigo.api.Task;
import asyncigo.api.UnhandledFailure;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntrospectionTest {

  private static void parkHere(Future<?> f) {
    f.await();
  }

  @Test
  void tasksListsEveryLiveTaskInSpawnOrder() {
    VirtualLoop.run(
        () -> {
          Loop loop = Loop.current();
          Promise<Void> gate = loop.newFuture();
          Task<Void> a = loop.spawn("a", () -> { parkHere(gate); return null; });
          Task<Void> b = loop.spawn("b", () -> { parkHere(gate); return null; });
          loop.yieldNow();
          assertEquals(
              List.of("main", "a", "b"), loop.tasks().stream().map(Task::name).toList());
          assertEquals("main", loop.currentTask().orElseThrow().name());
          gate.complete(null);
          a.await();
          b.await();
          assertEquals(List.of("main"), loop.tasks().stream().map(Task::name).toList());
          return null;
        });
  }

  @Test
  void theDumpShowsStateAwaitedFutureAndSuspendedStack() {
    String dump =
        VirtualLoop.run(
            () -> {
              Loop loop = Loop.current();
              Promise<Void> gate = loop.newFuture();
              Task<Void> waiter = loop.spawn("waiter", () -> { parkHere(gate); return null; });
              loop.yieldNow();
              loop.spawn("not-started", () -> null);
              String d = loop.dumpTasks();
              assertTrue(waiter.awaiting().isPresent());
              assertEquals("parkHere", waiter.stack().get(0).getMethodName());
              return d;
            });
    assertTrue(dump.startsWith("3 tasks\n"), dump);
    assertTrue(dump.contains("Task main [running]"), dump);
    assertTrue(dump.contains("Task waiter [suspended] awaiting RealFuture[PENDING]"), dump);
    assertTrue(dump.contains("Task not-started [scheduled]"), dump);
    assertTrue(dump.contains("    at asyncigo.loop@"), dump);
    assertTrue(dump.contains("IntrospectionTest.parkHere"), dump);
  }

  @Test
  void debugModeRecordsWhereEachTaskWasCreated() {
    List<UnhandledFailure> failures = new ArrayList<>();
    try (Loop loop =
        Loop.open(
            LoopOptions.defaults().virtualTime(true).debug(true).exceptionHandler(failures::add))) {
      String dump =
          loop.run(
              () -> {
                Task<Void> t = loop.spawn("doomed", () -> {
                  throw new IllegalStateException("unobserved");
                });
                assertTrue(
                    t.creationSite().get(0).getClassName().endsWith("IntrospectionTest"),
                    t.creationSite().toString());
                loop.spawn("sleeper", () -> { loop.sleep(Duration.ofDays(1)); return null; });
                loop.yieldNow();
                return loop.dumpTasks();
              });
      assertTrue(
          dump.contains("IntrospectionTest.lambda$debugModeRecordsWhereEachTaskWasCreated"), dump);
      assertTrue(dump.contains("  created at "), dump);
    }
    assertEquals(1, failures.size());
    String message = failures.get(0).message();
    assertTrue(message.contains("task doomed (created at "), message);
    assertTrue(message.contains("IntrospectionTest.lambda$debugModeRecordsWhereEachTaskWasCreated"), message);
  }

  @Test
  void debugModeWarnsAboutASlowStepWithTheTaskName() {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try (Loop loop =
        Loop.open(LoopOptions.defaults().debug(true).slowThreshold(Duration.ofMillis(5)))) {
      loop.run(
          () -> {
            loop.spawn("hog", () -> {
              Thread.sleep(30);
              return null;
            }).await();
            return null;
          });
    } finally {
      System.setErr(original);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    assertTrue(log.contains("Executing step of task hog took"), log);
  }

  /**
   * A task spawned without a name stores its number and builds "task-N" only when asked; the
   * numbering and every string of the dump are what they were when the name was built at spawn.
   */
  @Test
  void numberedTaskNamesAreBuiltWhenAskedAndReadAsBeforeInNamesAndTheDump() {
    String dump =
        VirtualLoop.run(
            () -> {
              Loop loop = Loop.current();
              Task<Void> first = loop.spawn(() -> { loop.sleep(Duration.ofHours(1)); return null; });
              Task<Void> named = loop.spawn("named", () -> null);
              Task<Void> second = loop.spawn(() -> { loop.sleep(Duration.ofHours(1)); return null; });
              loop.yieldNow();
              assertEquals(List.of("task-1", "named", "task-2"),
                  List.of(first.name(), named.name(), second.name()));
              assertEquals("Task[task-1, PENDING]", first.toString());
              String d = loop.dumpTasks();
              first.cancel();
              second.cancel();
              return d;
            });
    assertTrue(dump.startsWith("3 tasks\nTask main [running]\n"), dump);
    assertTrue(dump.contains("\nTask task-1 [suspended] sleeping\n"), dump);
    assertTrue(dump.contains("\nTask task-2 [suspended] sleeping\n"), dump);
    assertTrue(
        dump.endsWith(
            "└── main [running]\n"
                + "    ├── task-1 [suspended] sleeps\n"
                + "    └── task-2 [suspended] sleeps\n"),
        dump);
  }
}

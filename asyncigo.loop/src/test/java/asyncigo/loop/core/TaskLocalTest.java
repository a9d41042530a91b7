package asyncigo.loop.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import asyncigo.api.Async;
import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.Promise;
import asyncigo.api.Task;
import asyncigo.api.TaskLocal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskLocalTest {
  private static final TaskLocal<String> USER = TaskLocal.of("user");
  private static final TaskLocal<Integer> DEPTH = TaskLocal.of("depth", 0);

  @Test
  void aSpawnedTaskStartsWithItsSpawnersValueAsItWasAtSpawn() {
    List<String> seen = new ArrayList<>();
    VirtualLoop.run(
        () -> {
          Loop loop = Loop.current();
          USER.set("alice");
          Task<Void> child =
              loop.spawn(
                  () -> {
                    seen.add("child starts with " + USER.get());
                    loop.sleep(Duration.ofSeconds(1));
                    seen.add("child after its await " + USER.get());
                    return null;
                  });
          USER.set("bob");
          child.await();
          seen.add("parent " + USER.get());
          return null;
        });
    assertEquals(
        List.of("child starts with alice", "child after its await alice", "parent bob"), seen);
  }

  @Test
  void aChildsChangeNeverReachesItsParentNorItsSiblings() {
    List<String> seen = new ArrayList<>();
    VirtualLoop.run(
        () -> {
          Loop loop = Loop.current();
          USER.set("alice");
          Task<Void> changer =
              loop.spawn(
                  () -> {
                    USER.set("mallory");
                    loop.yieldNow();
                    seen.add("changer " + USER.get());
                    return null;
                  });
          Task<Void> sibling =
              loop.spawn(
                  () -> {
                    loop.yieldNow();
                    loop.yieldNow();
                    seen.add("sibling " + USER.get());
                    return null;
                  });
          changer.await();
          sibling.await();
          seen.add("parent " + USER.get());
          return null;
        });
    assertEquals(List.of("changer mallory", "sibling alice", "parent alice"), seen);
  }

  @Test
  void aTaskSpawnedBeforeTheValueWasSetKeepsTheInitialValue() {
    Integer seen =
        VirtualLoop.run(
            () -> {
              Loop loop = Loop.current();
              Promise<Void> gate = loop.newFuture();
              Task<Integer> early = loop.spawn(() -> { gate.await(); return DEPTH.get(); });
              DEPTH.set(7);
              gate.complete(null);
              return early.await();
            });
    assertEquals(0, seen);
  }

  @Test
  void theMainTaskStartsWithACopyOfTheValueOfTheThreadThatRunsTheLoop() throws Exception {
    List<String> seen = new ArrayList<>();
    Thread runner =
        Thread.ofPlatform()
            .start(
                () -> {
                  USER.set("carol");
                  seen.add("main sees " + VirtualLoop.run(() -> {
                    String before = USER.get();
                    USER.set("dave");
                    return before;
                  }));
                  seen.add("thread keeps " + USER.get());
                });
    runner.join();
    assertEquals(List.of("main sees carol", "thread keeps carol"), seen);
    assertNull(USER.get(), "another thread's value never shows here");
  }

  @Test
  void toThreadWorkRunsWithACopyOfTheCallingTasksValues() {
    List<String> seen = new ArrayList<>();
    VirtualLoop.run(
        () -> {
          Loop loop = Loop.current();
          USER.set("erin");
          String fromWorker =
              loop.toThread(
                      () -> {
                        String inherited = USER.get();
                        USER.set("worker");
                        return inherited + " then " + USER.get();
                      })
                  .await();
          seen.add(fromWorker);
          seen.add("task keeps " + USER.get());
          seen.add("runOnThread sees " + Async.runOnThread(USER::get));
          return null;
        });
    assertEquals(
        List.of("erin then worker", "task keeps erin", "runOnThread sees erin"), seen);
  }

  @Test
  void aLoopCallbackHasNoContextAndTheTasksItSpawnsStartEmpty() {
    List<String> seen = new ArrayList<>();
    VirtualLoop.run(
        () -> {
          Loop loop = Loop.current();
          USER.set("frank");
          Promise<Task<String>> spawned = loop.newFuture();
          loop.callSoon(
              () -> {
                seen.add("callback reads " + USER.get());
                IllegalStateException e =
                    assertThrows(IllegalStateException.class, () -> USER.set("x"));
                seen.add(e.getMessage());
                spawned.complete(loop.spawn(USER::get));
              });
          seen.add("spawned by a callback: " + spawned.await().await());
          return null;
        });
    assertEquals(
        List.of(
            "callback reads null",
            "TaskLocal.set(user): a loop callback has no task context; set it in a task",
            "spawned by a callback: null"),
        seen);
  }

  @Test
  void withSetsTheValueForTheBlockOnlyAndTasksSpawnedInsideKeepIt() {
    List<String> seen = new ArrayList<>();
    VirtualLoop.run(
        () -> {
          Loop loop = Loop.current();
          USER.set("grace");
          Task<String> inside =
              USER.with(
                  "heidi",
                  () -> {
                    seen.add("block " + USER.get());
                    return loop.spawn(() -> { loop.yieldNow(); return USER.get(); });
                  });
          seen.add("after " + USER.get());
          seen.add("spawned inside " + inside.await());
          IllegalArgumentException thrown =
              assertThrows(
                  IllegalArgumentException.class,
                  () -> USER.with("ivan", () -> { throw new IllegalArgumentException("boom"); }));
          seen.add(thrown.getMessage() + ", restored " + USER.get());
          return null;
        });
    assertEquals(
        List.of("block heidi", "after grace", "spawned inside heidi", "boom, restored grace"),
        seen);
  }

  @Test
  void eachTaskKeepsItsOwnValueAcrossInterleavedAwaits() {
    List<String> seen = new ArrayList<>();
    VirtualLoop.run(
        () -> {
          Loop loop = Loop.current();
          List<Task<Void>> tasks = new ArrayList<>();
          for (int i = 1; i <= 3; i++) {
            int n = i;
            tasks.add(
                loop.spawn(
                    () -> {
                      DEPTH.set(n);
                      for (int round = 0; round < 2; round++) {
                        loop.sleep(Duration.ofMillis(10 * (4 - n)));
                        seen.add(n + ":" + DEPTH.get());
                      }
                      return null;
                    }));
          }
          for (Task<Void> t : tasks) {
            t.await();
          }
          return null;
        });
    assertEquals(List.of("3:3", "2:2", "3:3", "1:1", "2:2", "1:1"), seen);
  }

  @Test
  void aTaskLocalNeedsANameAndAMirror() {
    assertEquals("task-local name", assertThrows(NullPointerException.class, () -> TaskLocal.of(null)).getMessage());
    assertEquals(
        "mirror",
        assertThrows(NullPointerException.class, () -> TaskLocal.mirrored("m", null, null))
            .getMessage());
    assertEquals("TaskLocal[user]", USER.toString());
  }
}

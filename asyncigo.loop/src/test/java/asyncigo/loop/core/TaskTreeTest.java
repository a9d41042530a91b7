package asyncigo.loop.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.LoopOptions;
import asyncigo.api.Promise;
import asyncigo.api.Task;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;

/** The task tree at the end of {@code dumpTasks()}, and the JFR event that carries it. */
class TaskTreeTest {
  private static final String HEADER =
      "Task tree (spawned by the task above; awaits: the task or future it waits for):\n";

  private static String treeOf(String dump) {
    return dump.substring(dump.indexOf(HEADER) + HEADER.length());
  }

  /**
   * A server with two connections (one waiting for its database query), a ticker, a task spawned
   * by a callback and one whose spawner is done; main dumps while the others are suspended.
   */
  private static String knownProgram(Loop loop, Future<Void> gate) {
    Task<Void> parent =
        loop.spawn(
            "parent",
            () -> {
              loop.spawn("orphan", () -> { gate.await(); return null; });
              return null;
            });
    Task<Void> server =
        loop.spawn(
            "server",
            () -> {
              Task<Void> first =
                  loop.spawn(
                      "conn-1",
                      () -> {
                        loop.spawn("db", () -> { gate.await(); return null; }).await();
                        return null;
                      });
              loop.spawn("conn-2", () -> { gate.await(); return null; });
              return first.await();
            });
    loop.spawn("ticker", () -> { loop.sleep(Duration.ofHours(1)); return null; });
    loop.callSoon(() -> loop.spawn("from-callback", () -> { gate.await(); return null; }));
    loop.yieldNow();
    loop.yieldNow();
    loop.yieldNow();
    String dump = loop.dumpTasks();
    assertTrue(parent.isDone() && !server.isDone(), dump);
    return dump;
  }

  private static final String EXPECTED_TREE =
      """
      ├── main [running]
      │   ├── server [suspended] awaits task conn-1
      │   │   ├── conn-1 [suspended] awaits task db
      │   │   │   └── db [suspended] awaits RealFuture[PENDING]
      │   │   └── conn-2 [suspended] awaits RealFuture[PENDING]
      │   └── ticker [suspended] sleeps
      ├── orphan [suspended] awaits RealFuture[PENDING] (spawned by parent, done)
      └── from-callback [suspended] awaits RealFuture[PENDING]
      """;

  @Test
  void theDumpEndsWithTheTreeOfWhoSpawnedWhomAndWhatEachAwaits() {
    String dump =
        VirtualLoop.run(
            () -> {
              Loop loop = Loop.current();
              Promise<Void> gate = loop.newFuture();
              String d = knownProgram(loop, gate);
              gate.complete(null);
              return d;
            });
    assertTrue(dump.startsWith("8 tasks\nTask main [running]\n"), dump);
    assertEquals(EXPECTED_TREE, treeOf(dump));
  }

  @Test
  void aLoneTasksTreeIsOneLine() {
    String dump = VirtualLoop.run(() -> Loop.current().dumpTasks());
    assertTrue(dump.startsWith("1 task\nTask main [running]\n    at "), dump);
    assertEquals("└── main [running]\n", treeOf(dump));
  }

  /**
   * From outside the process one records {@code asyncigo.TaskTree} (jcmd JFR.start); here an
   * in-process stream receives it while the program waits.
   */
  @Test
  void aRecordingWithTheTaskTreeEventReceivesEachRunningLoopsDump() {
    CompletableFuture<String> received = new CompletableFuture<>();
    try (Loop loop = Loop.open(LoopOptions.defaults());
        RecordingStream stream = new RecordingStream()) {
      long id = ((RealLoop) loop).id;
      stream.enable("asyncigo.TaskTree").withPeriod(Duration.ofMillis(100));
      stream.onEvent(
          "asyncigo.TaskTree",
          e -> {
            // The program settles over a few steps: take the first dump of it fully suspended.
            if (e.getLong("loop") == id
                && e.getInt("tasks") == 8
                && e.getString("dump").contains("main [suspended]")) {
              received.complete(e.getString("dump"));
            }
          });
      stream.startAsync();
      String tree =
          loop.run(
              () -> {
                Promise<Void> gate = loop.newFuture();
                knownProgram(loop, gate);
                String dump = loop.adapt(received.orTimeout(60, TimeUnit.SECONDS)).await();
                gate.complete(null);
                return treeOf(dump);
              });
      assertEquals(
          EXPECTED_TREE.replace("main [running]", "main [suspended] awaits RealFuture[PENDING]"),
          tree);
    }
  }
}

package asyncigo.loop.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import asyncigo.api.Loop;
import asyncigo.api.Task;
import asyncigo.api.TaskLocal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** {@link TaskLocal#mdc}: the MDC of the thread running a task follows the task's context. */
class MdcBridgeTest {
  private static final TaskLocal<String> REQUEST = TaskLocal.mdc("requestId");

  @Test
  void eachRequestsTasksLogWithItsIdAcrossAwaitsAndInTheTasksTheySpawn() {
    List<String> lines = new ArrayList<>();
    VirtualLoop.run(
        () -> {
          Loop loop = Loop.current();
          List<Task<Void>> handlers = new ArrayList<>();
          for (String id : List.of("r1", "r2")) {
            handlers.add(
                loop.spawn(
                    () -> {
                      REQUEST.set(id);
                      Task<Void> audit =
                          loop.spawn(
                              () -> {
                                loop.sleep(Duration.ofMillis(5));
                                lines.add("audit " + MDC.get("requestId"));
                                return null;
                              });
                      loop.sleep(Duration.ofMillis(id.equals("r1") ? 20 : 10));
                      lines.add("handler " + MDC.get("requestId"));
                      audit.await();
                      return null;
                    }));
          }
          for (Task<Void> h : handlers) {
            h.await();
          }
          lines.add("main " + MDC.get("requestId"));
          return null;
        });
    assertEquals(
        List.of("audit r1", "audit r2", "handler r2", "handler r1", "main null"), lines);
  }

  @Test
  void toThreadWorkLogsWithTheCallingTasksId() {
    String seen =
        VirtualLoop.run(
            () -> {
              REQUEST.set("r3");
              return Loop.current().toThread(() -> MDC.get("requestId")).await();
            });
    assertEquals("r3", seen);
  }

  @Test
  void settingNullRemovesTheKey() {
    String seen =
        VirtualLoop.run(
            () -> {
              REQUEST.set("r4");
              REQUEST.set(null);
              return MDC.get("requestId") + ", " + MDC.getCopyOfContextMap().containsKey("requestId");
            });
    assertEquals("null, false", seen);
  }

  /**
   * A task's thread is started by whichever task holds the loop when it first runs; it must not
   * inherit that task's MDC (the test's MDC copies itself into new threads, as the JDK-logging
   * binding's does).
   */
  @Test
  void aTaskNeverSeesTheMdcOfTheTaskWhoseThreadStartedItUnlessTheyShareTheLoopsThread() {
    List<String> seen = new ArrayList<>();
    VirtualLoop.run(
        () -> {
          Loop loop = Loop.current();
          Task<Void> a =
              loop.spawn(
                  () -> {
                    MDC.put("user", "alice");
                    loop.yieldNow();
                    return null;
                  });
          Task<Void> b = loop.spawn(() -> { seen.add("b sees " + MDC.get("user")); return null; });
          a.await();
          b.await();
          return null;
        });
    // The continuation engine runs every task on the loop's thread: plain thread-locals, a direct
    // MDC.put among them, are that thread's (TaskLocal.mdc is the per-task way).
    boolean sharedThread = System.getProperty("asyncigo.engine").equals("continuation");
    assertEquals(List.of(sharedThread ? "b sees alice" : "b sees null"), seen);
  }
}

package asyncigo.loop.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import asyncigo.api.Loop;
import asyncigo.api.Task;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What only the continuation engine does: every task on the loop's thread, pinned stacks. */
class ContinuationEngineTest {
  private static final List<String> LOG = new ArrayList<>();

  @BeforeEach
  void onTheContinuationEngineOnly() {
    assumeTrue(System.getProperty("asyncigo.engine").equals("continuation"));
    LOG.clear();
  }

  /** Its class initializer awaits: a native frame lies below that await. */
  private static final class AwaitsWhileInitialized {
    static {
      try {
        Loop.current().yieldNow();
        LOG.add("initializer suspended");
      } catch (IllegalStateException e) {
        LOG.add(e.getMessage());
      }
    }

    static void touch() {}
  }

  @Test
  void anAwaitInAClassInitializerThrowsNamingThePinAndTheTaskKeepsRunning() {
    String end =
        VirtualLoop.run(
            () -> {
              Loop loop = Loop.current();
              List<Task<String>> later = new ArrayList<>();
              Task<Void> pinned =
                  loop.spawn(
                      "pinned",
                      () -> {
                        AwaitsWhileInitialized.touch();
                        LOG.add("after the initializer, other done: " + later.get(0).isDone());
                        loop.yieldNow();
                        LOG.add("after a later yield, other done: " + later.get(0).isDone());
                        return null;
                      });
              later.add(loop.spawn("other", () -> "other ran"));
              pinned.await();
              return later.get(0).await();
            });
    assertEquals(
        List.of(
            "task pinned cannot suspend here on the continuation engine: its stack is pinned"
                + " (Pinned: NATIVE: a native frame, such as a class initializer, lies below the"
                + " suspension point); suspend outside it, or use -Dasyncigo.engine=carrier or"
                + " virtual",
            "after the initializer, other done: false",
            "after a later yield, other done: true"),
        LOG);
    assertEquals("other ran", end);
  }

  @Test
  void everyTaskRunsOnTheThreadThatRunsTheLoopAndMayAwaitInsideSynchronized() {
    Object lock = new Object();
    Thread driver = Thread.currentThread();
    List<Boolean> onDriver =
        VirtualLoop.run(
            () -> {
              Loop loop = Loop.current();
              Task<Boolean> a =
                  loop.spawn(
                      () -> {
                        synchronized (lock) {
                          loop.yieldNow();
                          return Thread.currentThread() == driver;
                        }
                      });
              Task<Boolean> b = loop.spawn(() -> Thread.currentThread() == driver);
              return List.of(a.await(), b.await());
            });
    assertEquals(List.of(true, true), onDriver);
  }
}

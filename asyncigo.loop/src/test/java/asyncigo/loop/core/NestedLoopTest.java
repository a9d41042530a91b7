package asyncigo.loop.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.Loop;
import asyncigo.api.LoopOptions;
import asyncigo.api.Promise;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.Timeout;

/**
 * A loop run from inside another loop's task or callback is refused on both engines, before it
 * changes anything: the opened loop can still be closed and releases its descriptors.
 */
@Timeout(value = 10, threadMode = ThreadMode.SEPARATE_THREAD)
class NestedLoopTest {
  private static final Path FDS = Path.of("/proc/self/fd");

  @Test
  void runningALoopInsideAnotherLoopsTaskFailsAndTheInnerLoopStillCloses() throws Exception {
    try (Loop outer = Loop.open(LoopOptions.defaults().virtualTime(true))) {
      outer.run(
          () -> {
            for (int round = 0; round < 2; round++) {
              long before = openDescriptors();
              Loop inner = Loop.open();
              IllegalStateException e =
                  assertThrows(IllegalStateException.class, () -> inner.run(() -> "inner"));
              assertEquals(
                  "Loop.run: a loop cannot be run from inside another loop's task (task main of "
                      + outer
                      + "); spawn the work on that loop, or run this one on another thread",
                  e.getMessage());
              assertTrue(inner.toString().startsWith("Loop[OPEN"), inner.toString());
              inner.close();
              assertTrue(inner.toString().startsWith("Loop[CLOSED"), inner.toString());
              if (round == 1 && before >= 0) {
                assertEquals(before, openDescriptors(), "descriptors after closing the inner loop");
              }
            }
            return null;
          });
    }
  }

  @Test
  void runningALoopInsideAnotherLoopsCallbackFailsNamingTheCallback() {
    try (Loop outer = Loop.open(LoopOptions.defaults().virtualTime(true))) {
      outer.run(
          () -> {
            Promise<String> failure = outer.newFuture();
            outer.callSoon(
                () -> {
                  try (Loop inner = Loop.open()) {
                    inner.run(() -> "inner");
                    failure.complete("no exception");
                  } catch (IllegalStateException e) {
                    failure.complete(e.getMessage());
                  }
                });
            assertEquals(
                "Loop.run: a loop cannot be run from inside another loop's task (a callback of "
                    + outer
                    + "); spawn the work on that loop, or run this one on another thread",
                failure.await());
            return null;
          });
    }
  }

  /**
   * The way out the message suggests: another thread, such as a (virtual) worker of toThread. The
   * default engine choice takes the virtual engine there; a forced carrier engine, which needs a
   * platform thread, says so.
   */
  @Test
  void aLoopRunsOnAWorkerThreadOfAnotherLoopUnlessTheCarrierEngineIsForced() {
    try (Loop outer = Loop.open(LoopOptions.defaults().virtualTime(true))) {
      String outcome =
          outer.run(
              () ->
                  outer
                      .toThread(
                          () -> {
                            try (Loop inner = Loop.open()) {
                              return inner.run(
                                  () -> {
                                    inner.yieldNow();
                                    return "inner ran";
                                  });
                            } catch (IllegalStateException e) {
                              return e.getMessage();
                            }
                          })
                      .await());
      String engine = System.getProperty("asyncigo.engine", "auto");
      if (!engine.equals("virtual")) {
        assertTrue(
            outcome.startsWith(
                "Loop.run: the " + engine + " engine (-Dasyncigo.engine=" + engine + ") needs a"
                    + " platform thread to drive the loop, not virtual thread "),
            outcome);
      } else {
        assertEquals("inner ran", outcome);
      }
    }
  }

  @Test
  void theAutomaticEngineChoiceTakesTheVirtualEngineForALoopOpenedOnAVirtualThread()
      throws InterruptedException {
    String[] chosen = new String[1];
    Thread.ofVirtual().start(() -> chosen[0] = EngineChoice.create("auto").name()).join();
    assertEquals("virtual", chosen[0]);
  }

  /** The number of open descriptors of this process, or -1 where /proc is not available. */
  private static long openDescriptors() throws IOException {
    if (!Files.isDirectory(FDS)) {
      return -1;
    }
    try (var entries = Files.list(FDS)) {
      return entries.count();
    }
  }
}

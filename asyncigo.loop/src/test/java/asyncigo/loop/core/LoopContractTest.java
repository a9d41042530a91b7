package asyncigo.loop.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.Async;
import asyncigo.api.CancelledException;
import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.LoopOptions;
import asyncigo.api.Promise;
import asyncigo.api.Task;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LoopContractTest {

  @Test
  void currentOutsideALoopThrowsWithAClearMessage() {
    IllegalStateException e = assertThrows(IllegalStateException.class, Loop::current);
    assertEquals("no running asyncigo loop on this thread", e.getMessage());
    assertTrue(Loop.running().isEmpty());
  }

  @Test
  void currentInsideTasksAndCallbacksIsTheRunningLoop() {
    try (Loop loop = Loop.open(LoopOptions.defaults().virtualTime(true))) {
      loop.run(
          () -> {
            assertEquals(loop, Loop.current());
            boolean[] inCallback = {false};
            loop.callSoon(() -> inCallback[0] = Loop.current() == loop && loop.inLoop());
            loop.yieldNow();
            assertTrue(inCallback[0]);
            return null;
          });
      assertFalse(loop.inLoop());
    }
  }

  @Test
  void loopConfinedMethodsFailFastFromAForeignThread() throws Exception {
    try (Loop loop = Loop.open(LoopOptions.defaults().virtualTime(true))) {
      Future<String> f =
          loop.run(
              () -> {
                Promise<String> fut = loop.newFuture();
                AtomicReference<Throwable> seen = new AtomicReference<>();
                Thread t =
                    new Thread(
                        () -> {
                          try {
                            fut.complete("from a foreign thread");
                          } catch (Throwable e) {
                            seen.set(e);
                          }
                        },
                        "intruder");
                t.start();
                t.join();
                assertTrue(seen.get() instanceof IllegalStateException);
                assertTrue(seen.get().getMessage().contains("loop-confined"), seen.get().getMessage());
                assertTrue(seen.get().getMessage().contains("intruder"), seen.get().getMessage());
                return fut;
              });
      assertFalse(f.isDone());
    }
  }

  @Test
  void suspendingOutsideATaskIsRejected() {
    try (Loop loop = Loop.open(LoopOptions.defaults().virtualTime(true))) {
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> loop.sleep(Duration.ofSeconds(1)));
      assertTrue(e.getMessage().contains("inside a task"), e.getMessage());
      String inCallback =
          loop.run(
              () -> {
                Promise<String> msg = loop.newFuture();
                loop.callSoon(
                    () -> {
                      try {
                        loop.yieldNow();
                      } catch (IllegalStateException ex) {
                        msg.complete(ex.getMessage());
                      }
                    });
                return msg.await();
              });
      assertTrue(inCallback.contains("not in a callback"), inCallback);
    }
  }

  @Test
  void runCannotBeNestedInsideItsOwnLoop() {
    try (Loop loop = Loop.open(LoopOptions.defaults().virtualTime(true))) {
      loop.run(
          () -> {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.run(() -> 1));
            assertTrue(e.getMessage().contains("already running"));
            assertThrows(IllegalStateException.class, loop::close);
            return null;
          });
    }
  }

  @Test
  void closeIsIdempotentAndAClosedLoopRejectsWork() {
    Loop loop = Loop.open(LoopOptions.defaults().virtualTime(true));
    loop.close();
    loop.close();
    assertThrows(IllegalStateException.class, () -> loop.run(() -> 1));
    assertThrows(IllegalStateException.class, () -> loop.spawn(() -> 1));
    assertThrows(IllegalStateException.class, () -> loop.callSoonThreadsafe(() -> {}));
  }

  @Test
  void nullArgumentsAreRejectedByName() {
    try (Loop loop = Loop.open(LoopOptions.defaults().virtualTime(true))) {
      assertEquals(
          "task body must not be null",
          assertThrows(NullPointerException.class, () -> loop.spawn(null)).getMessage());
      assertEquals(
          "callback must not be null",
          assertThrows(NullPointerException.class, () -> loop.callSoon(null)).getMessage());
      assertThrows(NullPointerException.class, () -> loop.callSoonThreadsafe(null));
      assertThrows(NullPointerException.class, () -> loop.spawn(null, () -> 1));
    }
  }

  @Test
  void anUnknownForcedPollerFailsWithTheNamesFound() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> Loop.open(LoopOptions.defaults().poller("kqueue")));
    assertTrue(e.getMessage().contains("kqueue"), e.getMessage());
    assertTrue(e.getMessage().contains("nio"), e.getMessage());
  }

  @Test
  void theSelectionReportNamesTheChosenPoller() {
    try (Loop loop = Loop.open(LoopOptions.defaults().poller("nio"))) {
      assertEquals("nio", loop.pollerSelection().chosen());
      assertTrue(loop.pollerSelection().reason().contains("forced"));
    }
  }

  @Test
  void aForeignThreadCanHandWorkToTheLoop() throws Exception {
    try (Loop loop = Loop.open()) {
      String r =
          loop.run(
              () -> {
                Promise<String> f = loop.newFuture();
                Thread t = new Thread(() -> loop.callSoonThreadsafe(() -> f.complete("handed over")));
                t.start();
                return f.await();
              });
      assertEquals("handed over", r);
    }
  }

  @Test
  void toThreadRunsBlockingWorkOffTheLoop() {
    try (Loop loop = Loop.open()) {
      String r =
          loop.run(
              () -> {
                Thread loopThread = Thread.currentThread();
                return loop.toThread(() -> Thread.currentThread() != loopThread ? "elsewhere" : "on loop")
                    .await();
              });
      assertEquals("elsewhere", r);
    }
  }

  @Test
  void runOnThreadRunsBlockingWorkOffTheLoopAndReturnsItsResult() {
    try (Loop loop = Loop.open()) {
      String r =
          loop.run(
              () -> {
                Thread loopThread = Thread.currentThread();
                return Async.runOnThread(
                    () -> Thread.currentThread() != loopThread ? "elsewhere" : "on loop");
              });
      assertEquals("elsewhere", r);
    }
  }

  @Test
  void cancellingTheCallerOfRunOnThreadInterruptsTheWorker() {
    try (Loop loop = Loop.open()) {
      boolean interrupted =
          loop.run(
              () -> {
                Promise<Boolean> saw = loop.newFuture();
                Task<Void> caller =
                    loop.spawn(
                        () ->
                            Async.runOnThread(
                                () -> {
                                  try {
                                    Thread.sleep(Duration.ofMinutes(5));
                                  } catch (InterruptedException e) {
                                    loop.callSoonThreadsafe(() -> saw.complete(true));
                                  }
                                  return null;
                                }));
                loop.sleep(Duration.ofMillis(5));
                caller.cancel();
                assertThrows(CancelledException.class, caller::await);
                return saw.await();
              });
      assertTrue(interrupted);
    }
  }

  @Test
  void cancellingToThreadInterruptsTheWorker() {
    try (Loop loop = Loop.open()) {
      boolean interrupted =
          loop.run(
              () -> {
                Promise<Boolean> saw = loop.newFuture();
                Future<Void> work =
                    loop.toThread(
                        () -> {
                          try {
                            Thread.sleep(Duration.ofMinutes(5));
                          } catch (InterruptedException e) {
                            loop.callSoonThreadsafe(() -> saw.complete(true));
                          }
                          return null;
                        });
                loop.sleep(Duration.ofMillis(5));
                work.cancel();
                return saw.await();
              });
      assertTrue(interrupted);
    }
  }
}

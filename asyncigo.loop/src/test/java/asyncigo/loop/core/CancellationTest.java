package asyncigo.loop.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.CancelledException;
import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.Promise;
import asyncigo.api.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CancellationTest {

  /** Level-triggered: after a cancellation, even an await of an already-done future throws. */
  @Test
  void everyAwaitAfterCancellationThrowsAtOnce() {
    List<String> out = new ArrayList<>();
    VirtualLoop.run(
        () -> {
          Loop loop = Loop.current();
          Promise<String> done = loop.newFuture();
          done.complete("ready");
          Task<?> me = loop.currentTask().orElseThrow();
          me.cancel();
          for (int i = 0; i < 3; i++) {
            try {
              out.add(done.await());
            } catch (CancelledException e) {
              out.add("cancelled " + i);
            }
          }
          me.uncancel();
          out.add(done.await());
          return null;
        });
    assertEquals(List.of("cancelled 0", "cancelled 1", "cancelled 2", "ready"), out);
  }

  /** A result delivered before the cancellation reached the task is returned, not lost. */
  @Test
  void aResultDeliveredBeforeTheCancellationArrivedIsReturned() {
    List<String> out = new ArrayList<>();
    VirtualLoop.run(
        () -> {
          Loop loop = Loop.current();
          Promise<String> first = loop.newFuture();
          Promise<String> second = loop.newFuture();
          Task<Void> t =
              loop.spawn(
                  () -> {
                    out.add(first.await());
                    try {
                      out.add(second.await());
                    } catch (CancelledException e) {
                      out.add("second cancelled");
                    }
                    return null;
                  });
          loop.yieldNow();
          first.complete("first delivered");
          t.cancel();
          assertThrows(CancelledException.class, t::await);
          assertFalse(second.isDone());
          return null;
        });
    assertEquals(List.of("first delivered", "second cancelled"), out);
  }

  @Test
  void cancellingATaskCancelsTheFutureItAwaits() {
    VirtualLoop.run(
        () -> {
          Loop loop = Loop.current();
          Promise<String> f = loop.newFuture();
          Task<String> t = loop.spawn(f::await);
          loop.yieldNow();
          assertTrue(t.cancel());
          assertTrue(f.isCancelled());
          assertThrows(CancelledException.class, t::await);
          assertTrue(t.isCancelled());
          return null;
        });
  }

  @Test
  void cancellationTravelsDownAChainOfAwaitedTasks() {
    VirtualLoop.run(
        () -> {
          Loop loop = Loop.current();
          Task<Void> inner =
              loop.spawn(
                  () -> {
                    loop.sleep(Duration.ofHours(1));
                    return null;
                  });
          Task<Void> outer = loop.spawn(inner::await);
          loop.yieldNow();
          outer.cancel();
          assertThrows(CancelledException.class, outer::await);
          assertTrue(inner.isCancelled());
          return null;
        });
  }

  @Test
  void aTaskCancelledBeforeItsFirstStepNeverRunsItsBody() {
    List<String> ran = new ArrayList<>();
    VirtualLoop.run(
        () -> {
          Task<Void> t =
              Loop.current()
                  .spawn(
                      () -> {
                        ran.add("body");
                        return null;
                      });
          assertTrue(t.cancel());
          assertThrows(CancelledException.class, t::await);
          return null;
        });
    assertEquals(List.of(), ran);
  }

  @Test
  void finallyBlocksRunBeforeTheCancelledResultSettles() {
    List<String> events = new ArrayList<>();
    VirtualLoop.run(
        () -> {
          Loop loop = Loop.current();
          Task<Void> t =
              loop.spawn(
                  () -> {
                    try {
                      loop.sleep(Duration.ofSeconds(10));
                    } finally {
                      events.add("finally");
                    }
                    return null;
                  });
          t.whenDone(f -> events.add("done: " + f.state()));
          loop.yieldNow();
          t.cancel();
          assertThrows(CancelledException.class, t::await);
          return null;
        });
    assertEquals(List.of("finally", "done: CANCELLED"), events);
  }

  /** The seed's CancelExample: a cancellation thrown into the body cancels the task for good. */
  @Test
  void aTaskThatCatchesTheThrownCancellationAndReturnsStillEndsCancelled() {
    VirtualLoop.run(
        () -> {
          Loop loop = Loop.current();
          Task<String> t =
              loop.spawn(
                  () -> {
                    try {
                      loop.sleep(Duration.ofSeconds(10));
                    } catch (CancelledException swallowed) {
                      return "swallowed";
                    }
                    return "slept";
                  });
          loop.yieldNow();
          t.cancel();
          assertThrows(CancelledException.class, t::await);
          assertEquals(Future.State.CANCELLED, t.state());
          return null;
        });
  }

  @Test
  void anExceptionThrownWhileCancelledIsKeptAsSuppressed() {
    VirtualLoop.run(
        () -> {
          Loop loop = Loop.current();
          Task<String> t =
              loop.spawn(
                  () -> {
                    try {
                      loop.sleep(Duration.ofSeconds(10));
                    } finally {
                      throw new IllegalStateException("cleanup failed");
                    }
                  });
          loop.yieldNow();
          t.cancel();
          CancelledException e = assertThrows(CancelledException.class, t::await);
          assertEquals("cleanup failed", e.getSuppressed()[0].getMessage());
          return null;
        });
  }

  @Test
  void uncancelWithdrawsTheRequestSoAwaitsWorkAgain() {
    VirtualLoop.run(
        () -> {
          Loop loop = Loop.current();
          Task<?> me = loop.currentTask().orElseThrow();
          me.cancel();
          me.cancel();
          assertEquals(2, me.cancelling());
          assertThrows(CancelledException.class, loop::yieldNow);
          assertEquals(1, me.uncancel());
          assertThrows(CancelledException.class, loop::yieldNow);
          assertEquals(0, me.uncancel());
          loop.yieldNow();
          return null;
        });
  }

  @Test
  void aShieldedRegionHoldsCancellationBackUntilItEnds() {
    List<String> events = new ArrayList<>();
    VirtualLoop.run(
        () -> {
          Loop loop = Loop.current();
          Task<Void> t =
              loop.spawn(
                  () -> {
                    Task<?> me = loop.currentTask().orElseThrow();
                    me.shielded(
                        () -> {
                          loop.sleep(Duration.ofSeconds(1));
                          events.add("shielded sleep finished");
                          return null;
                        });
                    events.add("after shield");
                    loop.yieldNow();
                    events.add("not reached");
                    return null;
                  });
          loop.yieldNow();
          t.cancel();
          assertThrows(CancelledException.class, t::await);
          return null;
        });
    assertEquals(List.of("shielded sleep finished", "after shield"), events);
  }

  @Test
  void shieldKeepsTheOriginalRunningWhenTheAwaiterIsCancelled() {
    List<String> out = new ArrayList<>();
    VirtualLoop.run(
        () -> {
          Loop loop = Loop.current();
          Promise<String> shielded = loop.newFuture();
          Promise<String> unshielded = loop.newFuture();
          Task<String> t1 = loop.spawn(() -> shielded.shield().await());
          Task<String> t2 = loop.spawn(unshielded::await);
          loop.yieldNow();
          t1.cancel();
          t2.cancel();
          out.add("t1 " + t1.state() + " after await: " + awaitState(t1));
          out.add("t2 " + awaitState(t2));
          out.add("shielded " + shielded.state());
          out.add("unshielded " + unshielded.state());
          return null;
        });
    assertEquals(
        List.of(
            "t1 PENDING after await: CANCELLED",
            "t2 CANCELLED",
            "shielded PENDING",
            "unshielded CANCELLED"),
        out);
  }

  private static String awaitState(Task<?> t) {
    try {
      t.await();
    } catch (CancelledException e) {
      // expected for cancelled tasks
    }
    return t.state().toString();
  }

  @Test
  void cancelReturnsFalseOnceTheTaskIsDone() {
    VirtualLoop.run(
        () -> {
          Task<Integer> t = Loop.current().spawn(() -> 1);
          t.await();
          assertFalse(t.cancel());
          assertEquals(1, t.await());
          return null;
        });
  }

  @Test
  void awaitingACancelledFutureThrowsWithoutCancellingTheAwaiter() {
    VirtualLoop.run(
        () -> {
          Loop loop = Loop.current();
          Promise<String> f = loop.newFuture();
          f.cancel();
          assertThrows(CancelledException.class, f::await);
          assertEquals(0, loop.currentTask().orElseThrow().cancelling());
          loop.yieldNow();
          return null;
        });
  }
}

package asyncigo.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.CancelledException;
import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.LoopGroup;
import asyncigo.api.Task;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Crossing loops with {@link Loop#submit}: the coroutine runs on the target loop, the future
 * belongs to the caller's loop, and results, failures and cancellation travel both ways; awaiting
 * another loop's future directly is refused with a message naming {@code submit}. Runs on the
 * loops of a group, through a one-line subclass per backend.
 */
public abstract class CrossLoopContract extends LoopGroupFixture {

  /** The two loops of {@code group}: the one running the current task first. */
  private static List<Loop> hereAndThere(LoopGroup group) {
    Loop here = Loop.current();
    Loop there = group.loops().get(group.loops().get(0) == here ? 1 : 0);
    return List.of(here, there);
  }

  @Test
  public void submitRunsTheCoroutineOnTheOtherLoopAndItsResultComesBackAsAFutureOfTheCaller() {
    try (LoopGroup group = openGroup(2)) {
      group.run(() -> {
        Loop here = hereAndThere(group).get(0);
        Loop there = hereAndThere(group).get(1);
        Future<Loop> ranOn = there.submit(() -> Loop.current());
        assertSame(here, ranOn.loop(), "the future belongs to the calling loop");
        assertSame(there, ranOn.await(), "the coroutine ran on the target loop");
        return null;
      });
    }
  }

  @Test
  public void submitWorksBothWaysATaskOnTheOtherLoopSubmitsBackToTheFirst() {
    try (LoopGroup group = openGroup(2)) {
      String answer = group.run(() -> {
        Loop here = hereAndThere(group).get(0);
        Loop there = hereAndThere(group).get(1);
        return there.submit(() -> {
          Future<String> back = here.submit(() -> {
            assertSame(here, Loop.current());
            return "from the first loop";
          });
          assertSame(there, back.loop());
          return back.await() + ", through the second";
        }).await();
      });
      assertEquals("from the first loop, through the second", answer);
    }
  }

  @Test
  public void aFailureOfTheSubmittedTaskFailsTheCallersFutureWithTheSameException() {
    IllegalStateException failure = new IllegalStateException("failed over there");
    try (LoopGroup group = openGroup(2)) {
      IllegalStateException thrown = group.run(() -> {
        Loop there = hereAndThere(group).get(1);
        Future<Void> future = there.submit(() -> {
          throw failure;
        });
        return assertThrows(IllegalStateException.class, future::await);
      });
      assertSame(failure, thrown);
    }
  }

  @Test
  public void cancellingTheCallersFutureCancelsTheTaskOnTheOtherLoop() throws Exception {
    CompletableFuture<Void> started = new CompletableFuture<>();
    CompletableFuture<Loop> cancelledOn = new CompletableFuture<>();
    try (LoopGroup group = openGroup(2)) {
      group.run(() -> {
        Loop here = hereAndThere(group).get(0);
        Loop there = hereAndThere(group).get(1);
        Future<Void> future = there.submit(() -> {
          started.complete(null);
          try {
            return Loop.current().<Void>newFuture().await();
          } catch (CancelledException e) {
            cancelledOn.complete(Loop.current());
            throw e;
          }
        });
        here.adapt(started).await();
        assertTrue(future.cancel());
        assertSame(there, here.adapt(cancelledOn).await(), "the task was cancelled on its loop");
        assertThrows(CancelledException.class, future::await);
        return null;
      });
    }
  }

  @Test
  public void cancellingTheAwaitingTaskCancelsTheSubmittedTask() throws Exception {
    CompletableFuture<Void> started = new CompletableFuture<>();
    CompletableFuture<Boolean> cancelled = new CompletableFuture<>();
    try (LoopGroup group = openGroup(2)) {
      group.run(() -> {
        Loop here = hereAndThere(group).get(0);
        Loop there = hereAndThere(group).get(1);
        Task<Void> waiter = here.spawn(() -> there.submit(() -> {
          started.complete(null);
          try {
            return Loop.current().<Void>newFuture().await();
          } catch (CancelledException e) {
            cancelled.complete(true);
            throw e;
          }
        }).await());
        here.adapt(started).await();
        waiter.cancel();
        assertTrue(here.adapt(cancelled).await());
        assertThrows(CancelledException.class, waiter::await);
        return null;
      });
    }
  }

  @Test
  public void aSubmittedTaskCancelledOnItsOwnLoopCancelsTheCallersFuture() {
    try (LoopGroup group = openGroup(2)) {
      group.run(() -> {
        Loop there = hereAndThere(group).get(1);
        Future<Void> future = there.submit(() -> {
          Loop.current().currentTask().orElseThrow().cancel();
          Loop.current().yieldNow();
          return null;
        });
        assertThrows(CancelledException.class, future::await);
        assertTrue(future.isCancelled());
        return null;
      });
    }
  }

  @Test
  public void submitToTheCallingLoopSpawnsTheTaskThere() {
    try (LoopGroup group = openGroup(2)) {
      group.run(() -> {
        Loop here = Loop.current();
        Future<String> future = here.submit(() -> "here");
        assertTrue(future instanceof Task<?>, "the future is the task");
        assertEquals("here", future.await());
        return null;
      });
    }
  }

  @Test
  public void awaitingAFutureOfAnotherLoopDirectlyIsRefusedWithAMessageNamingSubmit() {
    try (LoopGroup group = openGroup(2)) {
      IllegalStateException refused = group.run(() -> {
        Loop there = hereAndThere(group).get(1);
        Future<Void> foreign = there.submit(() -> Loop.current().<Void>newFuture()).await();
        return assertThrows(IllegalStateException.class, foreign::await);
      });
      assertEquals(
          "Future.await: task main awaits a future of another loop; a task can await only"
              + " futures of its own loop: run the work on the other loop with"
              + " otherLoop.submit(coroutine), which returns a future of the task's loop",
          refused.getMessage());
    }
  }

  @Test
  public void submitFromAThreadThatRunsNoLoopIsRefused() {
    try (LoopGroup group = openGroup(1)) {
      IllegalStateException refused =
          assertThrows(IllegalStateException.class, () -> group.next().submit(() -> 1));
      assertEquals(
          "Loop.submit: call it from a task or callback of a running loop, whose future it"
              + " returns, not from thread " + Thread.currentThread().getName()
              + "; from other threads hand work to a loop with callSoonThreadsafe",
          refused.getMessage());
    }
  }

  @Test
  public void submitToALoopOfAClosedGroupIsRefused() {
    Loop closed;
    try (LoopGroup group = openGroup(1)) {
      closed = group.next();
    }
    try (LoopGroup group = openGroup(1)) {
      IllegalStateException refused = group.run(
          () -> assertThrows(IllegalStateException.class, () -> closed.submit(() -> 1)));
      assertEquals("Loop.submit: the target loop is closed", refused.getMessage());
    }
  }

  /**
   * The submitted task finishes only after a task of the caller's loop ran, so the caller's
   * await must leave its loop free (a blocking await would hang until the test's timeout).
   */
  @Test
  public void whileTheCallerAwaitsTheSubmittedTaskItsOwnLoopRunsOtherTasks() {
    CompletableFuture<Void> callerLoopRan = new CompletableFuture<>();
    try (LoopGroup group = openGroup(2)) {
      String result = group.run(() -> {
        Loop here = hereAndThere(group).get(0);
        Loop there = hereAndThere(group).get(1);
        Future<String> waiting = there.submit(() -> {
          Loop.current().adapt(callerLoopRan).await();
          return "done";
        });
        here.spawn(() -> callerLoopRan.complete(null));
        return waiting.await();
      });
      assertEquals("done", result);
    }
  }
}

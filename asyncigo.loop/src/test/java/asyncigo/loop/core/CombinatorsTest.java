package asyncigo.loop.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.Async;
import asyncigo.api.CancelledException;
import asyncigo.api.Coroutine;
import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.Promise;
import asyncigo.api.Task;
import asyncigo.api.WaitMode;
import asyncigo.api.Waited;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CombinatorsTest {

  private static <T> Task<T> after(long millis, T value) {
    return Async.spawn(
        () -> {
          Async.sleep(Duration.ofMillis(millis));
          return value;
        });
  }

  private static Task<Object> failingAfter(long millis, String message) {
    return Async.spawn(
        () -> {
          Async.sleep(Duration.ofMillis(millis));
          throw new IllegalStateException(message);
        });
  }

  @Test
  void awaitAllCompletedWaitsForEveryFutureAndListsFailuresInCompletionOrder() {
    VirtualLoop.run(
        () -> {
          Task<Object> a = failingAfter(20, "late");
          Task<Integer> b = after(5, 1);
          Task<Object> c = failingAfter(10, "early");
          Waited w = Async.await(WaitMode.ALL_COMPLETED, a, b, c);
          assertEquals(List.of(a, b, c), w.done());
          assertEquals(List.of(), w.pending());
          assertEquals(
              List.of("early", "late"), w.failures().stream().map(Throwable::getMessage).toList());
          return null;
        });
  }

  @Test
  void awaitFirstCompletedReturnsAtTheFirstAndCancelsNothing() {
    VirtualLoop.run(
        () -> {
          Task<Integer> slow = after(50, 1);
          Task<Integer> fast = after(10, 2);
          Waited w = Async.await(WaitMode.FIRST_COMPLETED, slow, fast);
          assertEquals(List.of(fast), w.done());
          assertEquals(List.of(slow), w.pending());
          assertEquals(10_000_000, Loop.current().time());
          assertEquals(1, slow.await());
          return null;
        });
  }

  @Test
  void awaitFirstExceptionReturnsAtTheFirstFailure() {
    VirtualLoop.run(
        () -> {
          Task<Integer> ok = after(5, 1);
          Task<Object> bad = failingAfter(10, "oops");
          Task<Integer> slow = after(50, 3);
          Waited w = Async.await(WaitMode.FIRST_EXCEPTION, ok, bad, slow);
          assertEquals(List.of(ok, bad), w.done());
          assertEquals(List.of(slow), w.pending());
          assertEquals("oops", w.failures().get(0).getMessage());
          return null;
        });
  }

  @Test
  void awaitWithNoFuturesReturnsAtOnce() {
    VirtualLoop.run(
        () -> {
          Waited w = Async.await(WaitMode.ALL_COMPLETED);
          assertTrue(w.done().isEmpty() && w.pending().isEmpty() && w.failures().isEmpty());
          return null;
        });
  }

  @Test
  void awaitDoesNotCancelItsInputsWhenTheCallerIsCancelled() {
    VirtualLoop.run(
        () -> {
          Loop loop = Loop.current();
          Promise<Integer> input = loop.newFuture();
          Task<Waited> waiter = loop.spawn(() -> Async.await(WaitMode.ALL_COMPLETED, input));
          loop.yieldNow();
          waiter.cancel();
          assertThrows(CancelledException.class, waiter::await);
          assertFalse(input.isDone());
          return null;
        });
  }

  @Test
  void gatherReturnsResultsInArgumentOrder() {
    List<Integer> r =
        VirtualLoop.run(() -> Async.gather(after(30, 1), after(10, 2), after(20, 3)));
    assertEquals(List.of(1, 2, 3), r);
  }

  @Test
  void gatherFailsFastAndLeavesTheOthersRunning() {
    VirtualLoop.run(
        () -> {
          Task<Integer> slow = after(50, 1);
          IllegalStateException e =
              assertThrows(
                  IllegalStateException.class,
                  () -> Async.gather(slow, failingAfter(10, "first failure")));
          assertEquals("first failure", e.getMessage());
          assertEquals(10_000_000, Loop.current().time());
          assertFalse(slow.isDone());
          assertEquals(1, slow.await());
          return null;
        });
  }

  @Test
  void gatherOfNothingIsAnEmptyList() {
    assertEquals(List.of(), VirtualLoop.run(() -> Async.<Integer>gather(List.of())));
  }

  @Test
  void cancellingTheGathererCancelsWhatIsPending() {
    VirtualLoop.run(
        () -> {
          Loop loop = Loop.current();
          Task<Integer> child = after(50, 1);
          Task<List<Integer>> g = loop.spawn(() -> Async.gather(child));
          loop.yieldNow();
          g.cancel();
          assertThrows(CancelledException.class, g::await);
          assertThrows(CancelledException.class, child::await);
          return null;
        });
  }

  @Test
  void firstSuccessReturnsTheFirstSuccessAndCancelsTheRest() {
    List<String> ran = new ArrayList<>();
    VirtualLoop.run(
        () -> {
          String r =
              Async.firstSuccess(
                  () -> {
                    ran.add("fails fast");
                    throw new IllegalStateException("no");
                  },
                  () -> {
                    ran.add("wins");
                    return "winner";
                  },
                  () -> {
                    ran.add("slow");
                    Async.sleep(Duration.ofSeconds(1));
                    ran.add("slow finished");
                    return "slow";
                  });
          assertEquals("winner", r);
          assertEquals(0, Loop.current().time());
          return null;
        });
    assertEquals(List.of("fails fast", "wins"), ran);
  }

  @Test
  void firstSuccessLeavesTheWinnerSucceededAndCancelsOnlyTheOthers() {
    VirtualLoop.run(
        () -> {
          List<Task<?>> tasks = new ArrayList<>();
          String r =
              Async.firstSuccess(
                  () -> {
                    tasks.add(Async.currentTask());
                    Async.sleep(Duration.ofSeconds(1));
                    return "slow";
                  },
                  () -> {
                    tasks.add(Async.currentTask());
                    return "winner";
                  });
          assertEquals("winner", r);
          Task<?> slow = tasks.get(0);
          Task<?> winner = tasks.get(1);
          assertEquals(Future.State.SUCCEEDED, winner.state());
          assertEquals("winner", winner.resultNow());
          assertEquals(0, winner.cancelling());
          assertThrows(CancelledException.class, slow::await);
          assertEquals(1, slow.cancelling());
          return null;
        });
  }

  @Test
  void cancellingTheCallerOfFirstSuccessCancelsEveryTaskOnce() {
    VirtualLoop.run(
        () -> {
          List<Task<?>> tasks = new ArrayList<>();
          Coroutine<String> sleeper =
              () -> {
                tasks.add(Async.currentTask());
                Async.sleep(Duration.ofSeconds(1));
                return "slept";
              };
          Task<String> caller = Async.spawn(() -> Async.firstSuccess(sleeper, sleeper));
          Async.sleep(Duration.ofMillis(1));
          caller.cancel();
          assertThrows(CancelledException.class, caller::await);
          assertEquals(2, tasks.size());
          for (Task<?> t : tasks) {
            assertThrows(CancelledException.class, t::await);
            assertEquals(1, t.cancelling());
          }
          return null;
        });
  }

  @Test
  void firstSuccessWithAllFailingThrowsTheLastFailure() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                VirtualLoop.run(
                    () ->
                        Async.firstSuccess(
                            () -> {
                              Async.sleep(Duration.ofMillis(20));
                              throw new IllegalStateException("last");
                            },
                            () -> {
                              throw new IllegalStateException("first");
                            })));
    assertEquals("last", e.getMessage());
  }

  @Test
  void firstSuccessOfNothingIsAnError() {
    assertThrows(
        IllegalArgumentException.class,
        () -> VirtualLoop.run(() -> Async.firstSuccess(List.<asyncigo.api.Coroutine<Integer>>of())));
  }
}

package asyncigo.loop.sync;

import static asyncigo.api.Async.currentTask;
import static asyncigo.api.Async.sleep;
import static asyncigo.api.Async.spawn;
import static asyncigo.loop.sync.OnLoop.nowMillis;
import static asyncigo.loop.sync.TaskGroupTest.after;
import static asyncigo.loop.sync.TaskGroupTest.ms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.CancelledException;
import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.Promise;
import asyncigo.api.Task;
import asyncigo.api.UncheckedExecutionException;
import asyncigo.api.sync.Timeout;
import asyncigo.api.sync.TimeoutExceededException;
import asyncigo.api.sync.TimeoutResult;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout.ThreadMode;

/** Timeout scopes on the virtual clock, racing completion and outside cancellation. */
@org.junit.jupiter.api.Timeout(value = 10, threadMode = ThreadMode.SEPARATE_THREAD)
class TimeoutTest {

  @Test
  void blockThatEndsInTimeReturnsItsResult() {
    OnLoop.run(
        () -> {
          assertEquals(5L, (long) Timeout.failAfter(ms(10), timeout -> after(5)));
          assertEquals(
              TimeoutResult.ofValue(10L), Timeout.moveOnAfter(ms(10), timeout -> after(5)));
          assertEquals(10, nowMillis());
          return null;
        });
  }

  @Test
  void failAfterThrowsAtTheDeadlineOnceTheBlocksFinallyHasRun() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          TimeoutExceededException e =
              assertThrows(
                  TimeoutExceededException.class,
                  () ->
                      Timeout.failAfter(
                          ms(10),
                          timeout -> {
                            try {
                              return after(1000);
                            } finally {
                              log.add("finally at " + nowMillis());
                            }
                          }));
          log.add("threw at " + nowMillis());
          assertEquals("timed out after 10ms in task main", e.getMessage());
          assertInstanceOf(CancelledException.class, e.getCause());
          assertEquals(0, currentTask().cancelling(), "the scope withdrew its request");
          log.add("slept again until " + after(5));
          return null;
        });
    assertEquals(List.of("finally at 10", "threw at 10", "slept again until 15"), log);
  }

  @Test
  void theTimeoutMessageNamesTheLimitInHumanFormAndTheTaskCutShort() {
    List<String> messages = new ArrayList<>();
    OnLoop.run(
        () -> {
          for (Duration limit :
              List.of(
                  Duration.ofSeconds(2),
                  Duration.ofMillis(1500),
                  Duration.ofNanos(250_000),
                  Duration.ofNanos(7),
                  Duration.ofSeconds(90),
                  Duration.ofHours(2),
                  Duration.ofHours(1).plusMillis(20),
                  Duration.ZERO)) {
            Task<Void> fetch =
                spawn(
                    "fetch",
                    () ->
                        Timeout.failAfter(
                            limit,
                            timeout -> {
                              sleep(Duration.ofDays(1));
                              return null;
                            }));
            messages.add(assertThrows(TimeoutExceededException.class, fetch::await).getMessage());
          }
          return null;
        });
    assertEquals(
        List.of(
            "timed out after 2s in task fetch",
            "timed out after 1.5s in task fetch",
            "timed out after 250µs in task fetch",
            "timed out after 7ns in task fetch",
            "timed out after 1m30s in task fetch",
            "timed out after 2h in task fetch",
            "timed out after 1h0.02s in task fetch",
            "timed out after 0s in task fetch"),
        messages);
  }

  @Test
  void theTimeoutMessageGivesTheLimitInEffectAfterTheDeadlineMoved() {
    OnLoop.run(
        () -> {
          TimeoutExceededException later =
              assertThrows(
                  TimeoutExceededException.class,
                  () ->
                      Timeout.failAfter(
                          ms(10),
                          timeout -> {
                            sleep(ms(5));
                            timeout.reschedule(ms(20));
                            return after(1000);
                          }));
          assertEquals("timed out after 25ms in task main", later.getMessage());
          TimeoutExceededException past =
              assertThrows(
                  TimeoutExceededException.class,
                  () ->
                      Timeout.failAfter(
                          ms(10),
                          timeout -> {
                            timeout.rescheduleAt(0);
                            return after(1000);
                          }));
          assertEquals("timed out after 0s in task main", past.getMessage());
          return null;
        });
  }

  @Test
  void moveOnAfterGivesATimedOutResultAtTheDeadline() {
    OnLoop.run(
        () -> {
          TimeoutResult<Long> result = Timeout.moveOnAfter(ms(10), timeout -> after(1000));
          assertTrue(result.timedOut());
          assertEquals(TimeoutResult.ofTimeout(), result);
          assertEquals("TimeoutResult[timed out]", result.toString());
          assertEquals(-1L, (long) result.orElse(-1L));
          IllegalStateException noValue = assertThrows(IllegalStateException.class, result::value);
          assertEquals("the block timed out: it has no value", noValue.getMessage());
          assertEquals(10, nowMillis());
          assertEquals(0, currentTask().cancelling());
          return null;
        });
  }

  /** Such as readLine() at end of stream: null is a value, not a timeout. */
  @Test
  void aBlockThatReturnsNullInTimeIsToldApartFromATimeout() {
    OnLoop.run(
        () -> {
          TimeoutResult<String> endOfStream = Timeout.moveOnAfter(ms(10), timeout -> null);
          assertFalse(endOfStream.timedOut());
          assertNull(endOfStream.value());
          assertNull(endOfStream.orElse("timed out"));
          assertEquals(TimeoutResult.ofValue(null), endOfStream);
          assertEquals("TimeoutResult[completed: null]", endOfStream.toString());
          assertFalse(endOfStream.equals(TimeoutResult.ofTimeout()));
          return null;
        });
  }

  @Test
  void deadlinesAreOnTheLoopClock() {
    OnLoop.run(
        () -> {
          Duration hour = Duration.ofHours(1);
          assertThrows(
              TimeoutExceededException.class,
              () -> Timeout.failAfter(hour, timeout -> after(Duration.ofHours(2).toMillis())));
          assertEquals(hour.toMillis(), nowMillis());
          return null;
        });
  }

  @Test
  void rescheduleMovesTheDeadlineLaterOrEarlier() {
    OnLoop.run(
        () -> {
          long result =
              Timeout.failAfter(
                  ms(10),
                  timeout -> {
                    assertEquals(ms(10).toNanos(), timeout.deadline());
                    timeout.reschedule(ms(50));
                    assertEquals(ms(50).toNanos(), timeout.deadline());
                    return after(30);
                  });
          assertEquals(30, result);
          assertThrows(
              TimeoutExceededException.class,
              () ->
                  Timeout.failAfter(
                      ms(1000),
                      timeout -> {
                        sleep(ms(10));
                        timeout.rescheduleAt(Loop.current().time() + ms(5).toNanos());
                        return after(1000);
                      }));
          assertEquals(45, nowMillis());
          return null;
        });
  }

  @Test
  void aDeadlineAlreadyPastExpiresTheScopeAtItsNextAwait() {
    OnLoop.run(
        () -> {
          sleep(ms(20));
          assertEquals(
              TimeoutResult.ofTimeout(),
              Timeout.moveOnAfter(
                  ms(100),
                  timeout -> {
                    timeout.rescheduleAt(0);
                    return after(1000);
                  }));
          assertEquals(20, nowMillis());
          assertEquals(
              TimeoutResult.ofTimeout(), Timeout.moveOnAfter(Duration.ZERO, t -> after(1000)));
          return null;
        });
  }

  @Test
  void expiredTellsWhetherTheDeadlinePassedAndAnExpiredDeadlineCannotMove() {
    OnLoop.run(
        () -> {
          Timeout[] scope = new Timeout[1];
          assertThrows(
              TimeoutExceededException.class,
              () ->
                  Timeout.failAfter(
                      ms(10),
                      timeout -> {
                        scope[0] = timeout;
                        assertFalse(timeout.expired());
                        try {
                          return after(1000);
                        } catch (CancelledException e) {
                          assertTrue(timeout.expired());
                          IllegalStateException moved =
                              assertThrows(
                                  IllegalStateException.class, () -> timeout.reschedule(ms(5)));
                          assertEquals(
                              "the timeout has expired; it cannot be moved", moved.getMessage());
                          throw e;
                        }
                      }));
          assertTrue(scope[0].expired());
          Timeout[] finished = new Timeout[1];
          Timeout.failAfter(ms(10), timeout -> finished[0] = timeout);
          assertFalse(finished[0].expired());
          IllegalStateException ended =
              assertThrows(IllegalStateException.class, () -> finished[0].rescheduleAt(0));
          assertEquals("the timeout's block has ended", ended.getMessage());
          return null;
        });
  }

  @Test
  void negativeTimeoutsAreRejected() {
    OnLoop.run(
        () -> {
          IllegalArgumentException e =
              assertThrows(
                  IllegalArgumentException.class,
                  () -> Timeout.failAfter(Duration.ofSeconds(-1), timeout -> 1));
          assertEquals("timeout must not be negative: PT-1S", e.getMessage());
          Timeout.failAfter(
              ms(10),
              timeout -> {
                assertThrows(
                    IllegalArgumentException.class, () -> timeout.reschedule(ms(-1)));
                return null;
              });
          return null;
        });
  }

  /** Timers due at the same instant run in the order they were scheduled. */
  @Test
  void aTimeoutDueAtTheSameInstantAsTheBlocksWakeUpWinsWhenScheduledFirst() {
    OnLoop.run(
        () -> {
          assertThrows(
              TimeoutExceededException.class, () -> Timeout.failAfter(ms(10), t -> after(10)));
          return null;
        });
  }

  /** A result delivered before the timeout reached the task is never lost. */
  @Test
  void aResultDeliveredAtTheSameInstantBeforeTheTimeoutIsReturned() {
    OnLoop.run(
        () -> {
          Loop loop = Loop.current();
          Promise<String> reply = loop.newFuture();
          loop.callLater(ms(10), () -> reply.complete("reply"));
          String[] outcome = new String[1];
          assertEquals(
              "reply",
              Timeout.failAfter(
                  ms(10),
                  timeout -> {
                    outcome[0] = reply.await();
                    assertTrue(timeout.expired());
                    return outcome[0];
                  }));
          assertEquals(0, currentTask().cancelling());
          return null;
        });
  }

  /** The timeout's request never reached the block; the owner task ends with the value. */
  @Test
  void aTaskReturningAValueDeliveredJustBeforeItsTimeoutSucceedsWithABalancedCount() {
    OnLoop.run(
        () -> {
          Loop loop = Loop.current();
          Promise<String> reply = loop.newFuture();
          loop.callLater(ms(10), () -> reply.complete("reply"));
          Task<TimeoutResult<String>> owner =
              spawn(() -> Timeout.moveOnAfter(ms(10), timeout -> reply.await()));
          assertEquals(TimeoutResult.ofValue("reply"), owner.await());
          assertEquals(Future.State.SUCCEEDED, owner.state());
          assertEquals(0, owner.cancelling());
          return null;
        });
  }

  @Test
  void aTimeoutAndAnOutsideCancellationAtTheSameInstantPropagateTheCancellation() {
    for (boolean timeoutFirst : new boolean[] {true, false}) {
      List<String> log = new ArrayList<>();
      OnLoop.run(
          () -> {
            Loop loop = Loop.current();
            Task<?>[] owner = new Task<?>[1];
            if (!timeoutFirst) {
              loop.callAt(ms(10).toNanos(), () -> owner[0].cancel());
            }
            owner[0] =
                spawn(
                    () -> {
                      try {
                        return Timeout.failAfter(ms(10), timeout -> after(1000));
                      } catch (RuntimeException e) {
                        log.add(e.getClass().getSimpleName() + " at " + nowMillis());
                        throw e;
                      }
                    });
            if (timeoutFirst) {
              OnLoop.settle();
              loop.callAt(ms(10).toNanos(), () -> owner[0].cancel());
            }
            assertThrows(CancelledException.class, owner[0]::await);
            assertTrue(owner[0].isCancelled());
            return null;
          });
      assertEquals(List.of("CancelledException at 10"), log, "timeout first: " + timeoutFirst);
    }
  }

  @Test
  void anOutsideCancellationBeforeTheDeadlinePropagates() {
    OnLoop.run(
        () -> {
          Task<Long> owner = spawn(() -> Timeout.failAfter(ms(100), timeout -> after(1000)));
          sleep(ms(10));
          owner.cancel();
          assertThrows(CancelledException.class, owner::await);
          assertEquals(10, nowMillis());
          return null;
        });
  }

  @Test
  void anOutsideCancellationDuringTheBlocksCleanupAfterExpiryPropagates() {
    OnLoop.run(
        () -> {
          Task<Long> owner =
              spawn(
                  () ->
                      Timeout.failAfter(
                          ms(10),
                          timeout -> {
                            try {
                              return after(1000);
                            } finally {
                              currentTask().shielded(() -> after(10));
                            }
                          }));
          sleep(ms(15));
          owner.cancel();
          assertThrows(CancelledException.class, owner::await);
          assertEquals(20, nowMillis());
          return null;
        });
  }

  @Test
  void aBlockThatCatchesTheCancellationReturnsItsResult() {
    OnLoop.run(
        () -> {
          String result =
              Timeout.failAfter(
                  ms(10),
                  timeout -> {
                    try {
                      after(1000);
                      return "slept";
                    } catch (CancelledException e) {
                      return "caught at " + nowMillis();
                    }
                  });
          assertEquals("caught at 10", result);
          assertEquals(0, currentTask().cancelling());
          return null;
        });
  }

  @Test
  void aFailureOfTheBlockDuringExpiryPropagatesAsItIs() {
    OnLoop.run(
        () -> {
          IllegalStateException failure = new IllegalStateException("cleanup failed");
          assertSame(
              failure,
              assertThrows(
                  IllegalStateException.class,
                  () ->
                      Timeout.failAfter(
                          ms(10),
                          timeout -> {
                            try {
                              return after(1000);
                            } finally {
                              throw failure;
                            }
                          })));
          assertEquals(0, currentTask().cancelling());
          IOException io = new IOException("io");
          UncheckedExecutionException wrapped =
              assertThrows(
                  UncheckedExecutionException.class,
                  () ->
                      Timeout.failAfter(
                          ms(10),
                          timeout -> {
                            throw io;
                          }));
          assertSame(io, wrapped.getCause());
          return null;
        });
  }

  @Test
  void nestedTimeoutsEachHandleOnlyTheirOwnExpiry() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          Timeout.failAfter(
              ms(100),
              outer -> {
                try {
                  Timeout.failAfter(ms(10), inner -> after(1000));
                } catch (TimeoutExceededException e) {
                  log.add("inner timed out at " + nowMillis());
                }
                return log.add("outer goes on until " + after(5));
              });
          try {
            Timeout.failAfter(
                ms(10),
                outer -> {
                  try {
                    return Timeout.failAfter(ms(100), inner -> after(1000));
                  } catch (CancelledException e) {
                    log.add("inner passed the outer expiry on");
                    throw e;
                  }
                });
          } catch (TimeoutExceededException e) {
            log.add("outer timed out at " + nowMillis());
          }
          assertEquals(0, currentTask().cancelling());
          return null;
        });
    assertEquals(
        List.of(
            "inner timed out at 10",
            "outer goes on until 15",
            "inner passed the outer expiry on",
            "outer timed out at 25"),
        log);
  }

  @Test
  void scopeOutsideATaskThrows() {
    assertThrows(IllegalStateException.class, () -> Timeout.failAfter(ms(1), timeout -> 1));
  }
}

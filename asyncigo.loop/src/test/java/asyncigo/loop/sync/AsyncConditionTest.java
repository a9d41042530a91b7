package asyncigo.loop.sync;

import static asyncigo.api.Async.spawn;
import static asyncigo.loop.sync.OnLoop.settle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.Async;
import asyncigo.api.CancelledException;
import asyncigo.api.Task;
import asyncigo.api.WaitMode;
import asyncigo.api.sync.AsyncCondition;
import asyncigo.api.sync.AsyncLock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

@Timeout(value = 10, threadMode = ThreadMode.SEPARATE_THREAD)
class AsyncConditionTest {

  /** A task that waits once for a signal and logs its name, holding the lock. */
  private static Task<Void> waiter(AsyncCondition condition, String name, List<String> log) {
    return spawn(
        name,
        () ->
            condition.withLock(
                () -> {
                  try {
                    condition.await();
                    log.add(name + (condition.lock().isLocked() ? " holds the lock" : " no lock"));
                  } catch (CancelledException e) {
                    log.add(name + " cancelled" + (condition.lock().isLocked() ? ", locked" : ""));
                    throw e;
                  }
                  return null;
                }));
  }

  @Test
  void waitingOrSignallingWithoutTheLockThrows() {
    OnLoop.run(
        () -> {
          AsyncCondition condition = AsyncCondition.create();
          IllegalStateException e = assertThrows(IllegalStateException.class, condition::await);
          assertEquals("await() on an AsyncCondition whose lock is not held", e.getMessage());
          assertThrows(IllegalStateException.class, () -> condition.awaitUntil(() -> true));
          assertThrows(IllegalStateException.class, condition::signal);
          assertThrows(IllegalStateException.class, condition::signalAll);
          condition.lock().acquire();
          IllegalArgumentException n =
              assertThrows(IllegalArgumentException.class, () -> condition.signal(-1));
          assertEquals("number of tasks to signal must not be negative: -1", n.getMessage());
          return null;
        });
  }

  @Test
  void signalWakesTheOldestWaitersFirst() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          AsyncCondition condition = AsyncCondition.create();
          List<Task<Void>> tasks =
              List.of(
                  waiter(condition, "c", log),
                  waiter(condition, "a", log),
                  waiter(condition, "b", log),
                  waiter(condition, "d", log));
          settle();
          condition.withLock(
              () -> {
                condition.signal();
                return null;
              });
          settle();
          assertEquals(List.of("c holds the lock"), log);
          condition.withLock(
              () -> {
                condition.signal(2);
                return null;
              });
          settle();
          assertEquals(List.of("c holds the lock", "a holds the lock", "b holds the lock"), log);
          condition.withLock(
              () -> {
                condition.signalAll();
                return null;
              });
          Async.await(WaitMode.ALL_COMPLETED, List.copyOf(tasks));
          assertFalse(condition.lock().isLocked());
          return null;
        });
    assertEquals(
        List.of("c holds the lock", "a holds the lock", "b holds the lock", "d holds the lock"),
        log);
  }

  @Test
  void awaitReleasesTheLockWhileWaitingAndHoldsItAgainWhenItReturns() {
    OnLoop.run(
        () -> {
          AsyncLock lock = AsyncLock.create();
          AsyncCondition condition = AsyncCondition.create(lock);
          assertSame(lock, condition.lock());
          List<String> log = new ArrayList<>();
          Task<Void> w = waiter(condition, "w", log);
          settle();
          assertFalse(lock.isLocked(), "the waiter released the lock");
          lock.acquire();
          condition.signal();
          settle();
          assertEquals(List.of(), log, "the waiter needs the lock to return");
          lock.release();
          w.await();
          assertEquals(List.of("w holds the lock"), log);
          return null;
        });
  }

  @Test
  void cancelledWaiterTakesTheLockBackBeforeItsWaitThrows() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          AsyncCondition condition = AsyncCondition.create();
          Task<Void> w = waiter(condition, "w", log);
          settle();
          condition.lock().acquire();
          w.cancel();
          settle();
          assertEquals(List.of(), log, "the cancelled waiter waits for the lock");
          log.add("main releases");
          condition.lock().release();
          assertThrows(CancelledException.class, w::await);
          assertFalse(condition.lock().isLocked());
          return null;
        });
    assertEquals(List.of("main releases", "w cancelled, locked"), log);
  }

  @Test
  void waiterCancelledBeforeTheSignalDoesNotConsumeIt() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          AsyncCondition condition = AsyncCondition.create();
          Task<Void> a = waiter(condition, "a", log);
          Task<Void> b = waiter(condition, "b", log);
          settle();
          a.cancel();
          settle();
          condition.withLock(
              () -> {
                condition.signal();
                return null;
              });
          b.await();
          assertTrue(a.isCancelled());
          return null;
        });
    assertEquals(List.of("a cancelled, locked", "b holds the lock"), log);
  }

  @Test
  void waiterCancelledAfterItWasSignalledPassesTheSignalOn() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          AsyncCondition condition = AsyncCondition.create();
          Task<Void> a = waiter(condition, "a", log);
          Task<Void> b = waiter(condition, "b", log);
          Task<Void> c = waiter(condition, "c", log);
          settle();
          condition.withLock(
              () -> {
                condition.signal();
                a.cancel();
                return null;
              });
          Async.await(WaitMode.ALL_COMPLETED, a, b);
          settle();
          assertFalse(c.isDone(), "exactly one signal was delivered");
          c.cancel();
          return null;
        });
    assertEquals(List.of("a cancelled, locked", "b holds the lock", "c cancelled, locked"), log);
  }

  @Test
  void awaitUntilChecksThePredicateBeforeWaitingAndAfterEachSignal() {
    OnLoop.run(
        () -> {
          AsyncCondition condition = AsyncCondition.create();
          int[] value = {0};
          List<Integer> seen = new ArrayList<>();
          Task<Void> w =
              spawn(
                  () ->
                      condition.withLock(
                          () -> {
                            condition.awaitUntil(
                                () -> {
                                  seen.add(value[0]);
                                  return value[0] >= 2;
                                });
                            return null;
                          }));
          for (int i = 1; i <= 2; i++) {
            settle();
            value[0] = i;
            condition.withLock(
                () -> {
                  condition.signalAll();
                  return null;
                });
          }
          w.await();
          assertEquals(List.of(0, 1, 2), seen);
          condition.withLock(
              () -> {
                condition.awaitUntil(() -> true);
                return null;
              });
          return null;
        });
  }
}

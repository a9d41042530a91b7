package asyncigo.loop.sync;

import static asyncigo.api.Async.currentTask;
import static asyncigo.api.Async.spawn;
import static asyncigo.api.Async.yieldNow;
import static asyncigo.loop.sync.OnLoop.settle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.Async;
import asyncigo.api.CancelledException;
import asyncigo.api.Task;
import asyncigo.api.UncheckedExecutionException;
import asyncigo.api.WaitMode;
import asyncigo.api.sync.AsyncLock;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

@Timeout(value = 10, threadMode = ThreadMode.SEPARATE_THREAD)
class AsyncLockTest {

  /** Spawns a task that takes the lock, logs its name, yields once and releases. */
  private static Task<Void> locker(AsyncLock lock, String name, List<String> log) {
    return spawn(
        name,
        () ->
            lock.withLock(
                () -> {
                  log.add(name);
                  yieldNow();
                  return null;
                }));
  }

  @Test
  void acquiringAFreeLockDoesNotSuspend() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          AsyncLock lock = AsyncLock.create();
          spawn(() -> log.add("other task ran"));
          lock.acquire();
          log.add("acquired");
          assertTrue(lock.isLocked());
          settle();
          return null;
        });
    assertEquals(List.of("acquired", "other task ran"), log);
  }

  @Test
  void waitersTakeTheLockInTheOrderTheyArrived() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          AsyncLock lock = AsyncLock.create();
          lock.acquire();
          List<Task<Void>> tasks =
              List.of(locker(lock, "c", log), locker(lock, "a", log), locker(lock, "b", log));
          settle();
          lock.release();
          Async.await(WaitMode.ALL_COMPLETED, List.copyOf(tasks));
          assertFalse(lock.isLocked());
          return null;
        });
    assertEquals(List.of("c", "a", "b"), log);
  }

  @Test
  void releasingAnUnlockedLockThrows() {
    OnLoop.run(
        () -> {
          AsyncLock lock = AsyncLock.create();
          IllegalStateException e = assertThrows(IllegalStateException.class, lock::release);
          assertEquals("release() of an AsyncLock that is not locked", e.getMessage());
          lock.acquire();
          lock.release();
          assertThrows(IllegalStateException.class, lock::release);
          return null;
        });
  }

  /** The seed's mutex bug: a cancelled waiter made the lock look free while it was held. */
  @Test
  void cancelledWaiterLeavesTheLockUntouched() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          AsyncLock lock = AsyncLock.create();
          lock.acquire();
          Task<Void> a = locker(lock, "a", log);
          Task<Void> b = locker(lock, "b", log);
          settle();
          a.cancel();
          settle();
          assertTrue(a.isCancelled());
          assertTrue(lock.isLocked(), "the holder still holds the lock");
          assertFalse(b.isDone(), "b still waits");
          lock.release();
          b.await();
          assertFalse(lock.isLocked());
          return null;
        });
    assertEquals(List.of("b"), log);
  }

  @Test
  void waiterCancelledAfterTheLockWasHandedToItPassesItOn() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          AsyncLock lock = AsyncLock.create();
          lock.acquire();
          Task<Void> a = locker(lock, "a", log);
          Task<Void> b = locker(lock, "b", log);
          settle();
          lock.release(); // hands the lock to a ...
          a.cancel(); // ... which is cancelled before it resumes
          assertTrue(lock.isLocked());
          CancelledException e = assertThrows(CancelledException.class, a::await);
          assertInstanceOf(CancelledException.class, e);
          b.await();
          assertFalse(lock.isLocked());
          return null;
        });
    assertEquals(List.of("b"), log);
  }

  @Test
  void lastWaiterCancelledAfterTheHandOverUnlocksTheLock() {
    OnLoop.run(
        () -> {
          AsyncLock lock = AsyncLock.create();
          lock.acquire();
          Task<Void> a = spawn(() -> {
            lock.acquire();
            return null;
          });
          settle();
          lock.release();
          a.cancel();
          settle();
          assertTrue(a.isCancelled());
          assertFalse(lock.isLocked());
          return null;
        });
  }

  @Test
  void newcomerDoesNotOvertakeTheWaiterTheLockWasHandedTo() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          AsyncLock lock = AsyncLock.create();
          lock.acquire();
          Task<Void> a = locker(lock, "a", log);
          settle();
          lock.release();
          Task<Void> newcomer = locker(lock, "newcomer", log);
          assertTrue(lock.isLocked(), "the lock belongs to a until it resumes");
          Async.await(WaitMode.ALL_COMPLETED, a, newcomer);
          return null;
        });
    assertEquals(List.of("a", "newcomer"), log);
  }

  @Test
  void withLockReleasesWhenTheBlockThrowsAndWrapsCheckedExceptions() {
    OnLoop.run(
        () -> {
          AsyncLock lock = AsyncLock.create();
          IllegalArgumentException unchecked = new IllegalArgumentException("boom");
          assertSame(
              unchecked,
              assertThrows(
                  IllegalArgumentException.class,
                  () -> lock.withLock(() -> {
                    throw unchecked;
                  })));
          assertFalse(lock.isLocked());
          IOException checked = new IOException("io");
          UncheckedExecutionException wrapped =
              assertThrows(
                  UncheckedExecutionException.class,
                  () -> lock.withLock(() -> {
                    throw checked;
                  }));
          assertSame(checked, wrapped.getCause());
          assertFalse(lock.isLocked());
          assertEquals(42, lock.withLock(() -> 42));
          return null;
        });
  }

  @Test
  void holderCancelledInsideWithLockReleasesTheLockToTheNextWaiter() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          AsyncLock lock = AsyncLock.create();
          Task<Void> holder =
              spawn(
                  () ->
                      lock.withLock(
                          () -> {
                            log.add("holder");
                            currentTask().loop().newFuture().await(); // never completes
                            return null;
                          }));
          settle();
          Task<Void> next = locker(lock, "next", log);
          settle();
          holder.cancel();
          next.await();
          assertTrue(holder.isCancelled());
          assertFalse(lock.isLocked());
          return null;
        });
    assertEquals(List.of("holder", "next"), log);
  }
}

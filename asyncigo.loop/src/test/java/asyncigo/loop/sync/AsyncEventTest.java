package asyncigo.loop.sync;

import static asyncigo.api.Async.spawn;
import static asyncigo.loop.sync.OnLoop.settle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.Async;
import asyncigo.api.CancelledException;
import asyncigo.api.Task;
import asyncigo.api.WaitMode;
import asyncigo.api.sync.AsyncEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

@Timeout(value = 10, threadMode = ThreadMode.SEPARATE_THREAD)
class AsyncEventTest {

  private static Task<Boolean> waiter(AsyncEvent event, String name, List<String> log) {
    return spawn(
        name,
        () -> {
          event.await();
          return log.add(name);
        });
  }

  @Test
  void awaitingASetEventDoesNotSuspend() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          AsyncEvent event = AsyncEvent.create();
          event.set();
          spawn(() -> log.add("other task ran"));
          event.await();
          log.add("returned");
          settle();
          return null;
        });
    assertEquals(List.of("returned", "other task ran"), log);
  }

  @Test
  void setWakesEveryWaiterInTheOrderTheyStartedWaiting() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          AsyncEvent event = AsyncEvent.create();
          List<Task<Boolean>> waiters =
              List.of(waiter(event, "b", log), waiter(event, "c", log), waiter(event, "a", log));
          settle();
          assertEquals(List.of(), log);
          event.set();
          event.set();
          Async.await(WaitMode.ALL_COMPLETED, List.copyOf(waiters));
          assertTrue(event.isSet());
          return null;
        });
    assertEquals(List.of("b", "c", "a"), log);
  }

  @Test
  void waiterWokenBeforeAClearStillReturnsButLaterWaitsWait() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          AsyncEvent event = AsyncEvent.create();
          Task<Boolean> early = waiter(event, "early", log);
          settle();
          event.set();
          event.clear();
          assertFalse(event.isSet());
          Task<Boolean> late = waiter(event, "late", log);
          early.await();
          settle();
          assertFalse(late.isDone());
          late.cancel();
          return null;
        });
    assertEquals(List.of("early"), log);
  }

  @Test
  void cancelledWaiterDoesNotDisturbTheOthers() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          AsyncEvent event = AsyncEvent.create();
          Task<Boolean> a = waiter(event, "a", log);
          Task<Boolean> b = waiter(event, "b", log);
          settle();
          a.cancel();
          settle();
          event.set();
          b.await();
          assertThrows(CancelledException.class, a::await);
          return null;
        });
    assertEquals(List.of("b"), log);
  }

  @Test
  void waiterCancelledAfterTheSetBeforeItResumedIsCancelled() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          AsyncEvent event = AsyncEvent.create();
          Task<Boolean> a = waiter(event, "a", log);
          Task<Boolean> b = waiter(event, "b", log);
          settle();
          event.set();
          a.cancel();
          assertThrows(CancelledException.class, a::await);
          b.await();
          assertTrue(event.isSet());
          return null;
        });
    assertEquals(List.of("b"), log);
  }
}

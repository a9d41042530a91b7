package asyncigo.loop.sync;

import static asyncigo.api.Async.spawn;
import static asyncigo.loop.sync.OnLoop.nowMillis;
import static asyncigo.loop.sync.TaskGroupTest.after;
import static asyncigo.loop.sync.TaskGroupTest.fail;
import static asyncigo.loop.sync.TaskGroupTest.ms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.CancelledException;
import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.Promise;
import asyncigo.api.Task;
import asyncigo.api.iter.AsyncIterable;
import asyncigo.api.iter.AsyncIterator;
import asyncigo.api.sync.CompletionOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, threadMode = ThreadMode.SEPARATE_THREAD)
class CompletionOrderTest {

  @Test
  void yieldsTheFuturesThemselvesInTheOrderTheyComplete() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          Task<Long> a = spawn("a", () -> after(30));
          Task<Long> b = spawn("b", () -> after(10));
          Task<Long> c = spawn("c", () -> after(20));
          for (Task<Long> done : CompletionOrder.of(a, b, c)) {
            assertTrue(done.isDone());
            log.add(done.name() + " " + done.await() + " seen at " + nowMillis());
          }
          return null;
        });
    assertEquals(List.of("b 10 seen at 10", "c 20 seen at 20", "a 30 seen at 30"), log);
  }

  @Test
  void futuresAlreadyDoneComeFirstInArgumentOrder() {
    OnLoop.run(
        () -> {
          Loop loop = Loop.current();
          Promise<String> pending = loop.newFuture();
          Promise<String> second = loop.newFuture();
          Promise<String> first = loop.newFuture();
          second.complete("2");
          first.complete("1");
          loop.callLater(ms(5), () -> pending.complete("3"));
          List<Future<String>> order = new ArrayList<>();
          for (Future<String> f : CompletionOrder.of(List.of(pending, second, first))) {
            order.add(f);
          }
          assertEquals(List.of(second, first, pending), order);
          return null;
        });
  }

  @Test
  void failedAndCancelledFuturesAreYieldedLikeTheOthers() {
    OnLoop.run(
        () -> {
          Task<Long> fails = spawn(() -> fail(10, new IllegalStateException("broken")));
          Task<Long> cancelled = spawn(() -> after(1000));
          Loop.current().callLater(ms(20), cancelled::cancel);
          AsyncIterator<Task<Long>> it = CompletionOrder.of(cancelled, fails).iterator();
          assertSame(fails, it.next());
          assertThrows(IllegalStateException.class, fails::await);
          assertSame(cancelled, it.next());
          assertThrows(CancelledException.class, cancelled::await);
          assertFalse(it.hasNext());
          NoSuchElementException e = assertThrows(NoSuchElementException.class, it::next);
          assertEquals("every future has been yielded", e.getMessage());
          return null;
        });
  }

  @Test
  void aFutureGivenTwiceIsYieldedOnceAndNoFuturesYieldNothing() {
    OnLoop.run(
        () -> {
          Task<Long> a = spawn(() -> after(5));
          List<Task<Long>> seen = new ArrayList<>();
          for (Task<Long> done : CompletionOrder.of(a, a)) {
            seen.add(done);
          }
          assertEquals(List.of(a), seen);
          assertFalse(CompletionOrder.<Future<?>>of(List.of()).iterator().hasNext());
          return null;
        });
  }

  @Test
  void cancellingTheConsumerLeavesTheFuturesRunning() {
    OnLoop.run(
        () -> {
          Task<Long> work = spawn(() -> after(20));
          Task<Object> consumer =
              spawn(
                  () -> {
                    for (Task<Long> done : CompletionOrder.of(work)) {
                      return done;
                    }
                    return null;
                  });
          OnLoop.settle();
          consumer.cancel();
          assertThrows(CancelledException.class, consumer::await);
          assertFalse(work.isDone());
          assertEquals(20L, (long) work.await());
          return null;
        });
  }

  @Test
  void closingTheIteratorStopsTheIteration() {
    OnLoop.run(
        () -> {
          Task<Long> a = spawn(() -> after(10));
          Task<Long> b = spawn(() -> after(20));
          try (AsyncIterator<Task<Long>> it = CompletionOrder.of(a, b).iterator()) {
            assertSame(a, it.next());
            it.close();
            assertFalse(it.hasNext());
          }
          assertEquals(10, nowMillis(), "closing did not wait for b");
          b.await();
          return null;
        });
  }

  @Test
  void eachIterationStartsOver() {
    OnLoop.run(
        () -> {
          Task<Long> slow = spawn(() -> after(20));
          Task<Long> fast = spawn(() -> after(10));
          AsyncIterable<Task<Long>> order = CompletionOrder.of(slow, fast);
          List<Task<Long>> first = new ArrayList<>();
          order.forEach(first::add);
          List<Task<Long>> second = new ArrayList<>();
          order.forEach(second::add);
          assertEquals(List.of(fast, slow), first);
          assertEquals(List.of(slow, fast), second, "all done: argument order");
          return null;
        });
  }
}

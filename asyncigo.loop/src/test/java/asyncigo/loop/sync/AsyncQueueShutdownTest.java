package asyncigo.loop.sync;

import static asyncigo.api.Async.spawn;
import static asyncigo.loop.sync.OnLoop.settle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.Task;
import asyncigo.api.sync.AsyncQueue;
import asyncigo.api.sync.QueueShutDownException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/** asyncio 3.13 queue shutdown semantics. */
@Timeout(value = 10, threadMode = ThreadMode.SEPARATE_THREAD)
class AsyncQueueShutdownTest {

  @Test
  void putsAndOffersAfterShutdownThrow() {
    OnLoop.run(
        () -> {
          AsyncQueue<String> queue = AsyncQueue.fifo();
          assertFalse(queue.isShutDown());
          queue.shutdown();
          queue.shutdown();
          assertTrue(queue.isShutDown());
          QueueShutDownException put =
              assertThrows(QueueShutDownException.class, () -> queue.put("x"));
          assertEquals("put() on a queue that is shut down", put.getMessage());
          QueueShutDownException offer =
              assertThrows(QueueShutDownException.class, () -> queue.offer("x"));
          assertEquals("offer() on a queue that is shut down", offer.getMessage());
          return null;
        });
  }

  @Test
  void gracefulShutdownLetsGetsDrainTheItemsLeftThenThrows() {
    OnLoop.run(
        () -> {
          AsyncQueue<String> queue = AsyncQueue.fifo();
          queue.put("a");
          queue.put("b");
          queue.shutdown();
          assertEquals("a", queue.get());
          assertEquals(Optional.of("b"), queue.poll());
          QueueShutDownException get = assertThrows(QueueShutDownException.class, queue::get);
          assertEquals(
              "get() on a queue that is shut down and has no item left", get.getMessage());
          QueueShutDownException poll = assertThrows(QueueShutDownException.class, queue::poll);
          assertEquals(
              "poll() on a queue that is shut down and has no item left", poll.getMessage());
          return null;
        });
  }

  @Test
  void shutdownWakesEveryWaitingGetterAndPutter() {
    OnLoop.run(
        () -> {
          AsyncQueue<String> empty = AsyncQueue.fifo();
          AsyncQueue<String> full = AsyncQueue.fifo(1);
          full.put("x");
          Task<String> getter = spawn(empty::get);
          Task<Void> putter = spawn(() -> { full.put("y"); return null; });
          settle();
          empty.shutdown();
          full.shutdown();
          QueueShutDownException g = assertThrows(QueueShutDownException.class, getter::await);
          assertEquals("get() on a queue shut down while it waited", g.getMessage());
          QueueShutDownException p = assertThrows(QueueShutDownException.class, putter::await);
          assertEquals("put() on a queue shut down while it waited", p.getMessage());
          assertEquals(List.of("x"), full.shutdownNow(), "the waiting putter's item never entered");
          return null;
        });
  }

  @Test
  void shutdownNowRemovesTheItemsLeftInGetOrderAndCountsThemDone() {
    OnLoop.run(
        () -> {
          AsyncQueue<Integer> queue = AsyncQueue.lifo();
          queue.put(1);
          queue.put(2);
          queue.put(3);
          assertEquals(3, queue.get());
          Task<Void> joiner = spawn(() -> { queue.join(); return null; });
          settle();
          assertEquals(List.of(2, 1), queue.shutdownNow());
          assertTrue(queue.isEmpty());
          settle();
          assertFalse(joiner.isDone(), "the item taken before the shutdown is not done yet");
          queue.taskDone();
          joiner.await();
          assertThrows(QueueShutDownException.class, queue::get);
          assertEquals(List.of(), queue.shutdownNow());
          return null;
        });
  }

  @Test
  void getterPromisedAnItemBeforeAGracefulShutdownStillGetsIt() {
    OnLoop.run(
        () -> {
          AsyncQueue<String> queue = AsyncQueue.fifo();
          Task<String> getter = spawn(queue::get);
          settle();
          queue.put("a");
          queue.shutdown();
          assertEquals("a", getter.await());
          return null;
        });
  }

  @Test
  void getterPromisedAnItemBeforeAnImmediateShutdownThrows() {
    OnLoop.run(
        () -> {
          AsyncQueue<String> queue = AsyncQueue.fifo();
          Task<String> getter = spawn(queue::get);
          settle();
          queue.put("a");
          assertEquals(List.of("a"), queue.shutdownNow());
          QueueShutDownException e = assertThrows(QueueShutDownException.class, getter::await);
          assertEquals("get() on a queue shut down immediately while it waited", e.getMessage());
          queue.join();
          return null;
        });
  }

  @Test
  void putterPromisedASlotBeforeTheShutdownThrowsWithoutAddingItsItem() {
    OnLoop.run(
        () -> {
          AsyncQueue<String> queue = AsyncQueue.fifo(1);
          queue.put("x");
          Task<Void> putter = spawn(() -> { queue.put("y"); return null; });
          settle();
          assertEquals("x", queue.get());
          queue.shutdown();
          QueueShutDownException e = assertThrows(QueueShutDownException.class, putter::await);
          assertEquals("put() on a queue shut down while the task waited", e.getMessage());
          assertTrue(queue.isEmpty());
          return null;
        });
  }

  @Test
  void getterCancelledAfterItsPromiseLeavesTheItemForTheDrainAfterAGracefulShutdown() {
    OnLoop.run(
        () -> {
          AsyncQueue<String> queue = AsyncQueue.fifo();
          Task<String> getter = spawn(queue::get);
          settle();
          queue.put("a");
          queue.shutdown();
          getter.cancel();
          settle();
          assertTrue(getter.isCancelled());
          assertEquals("a", queue.get());
          return null;
        });
  }
}

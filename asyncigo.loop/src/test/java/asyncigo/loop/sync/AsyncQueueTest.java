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
import asyncigo.api.sync.AsyncQueue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

@Timeout(value = 10, threadMode = ThreadMode.SEPARATE_THREAD)
class AsyncQueueTest {

  private static <T> List<T> pollAll(AsyncQueue<T> queue) {
    List<T> items = new ArrayList<>();
    for (Optional<T> item = queue.poll(); item.isPresent(); item = queue.poll()) {
      items.add(item.get());
    }
    return items;
  }

  private static Task<String> getter(AsyncQueue<String> queue, String name, List<String> log) {
    return spawn(
        name,
        () -> {
          String item = queue.get();
          log.add(name + " got " + item);
          return item;
        });
  }

  private static Task<Void> putter(AsyncQueue<String> queue, String item, List<String> log) {
    return spawn(
        "put-" + item,
        () -> {
          queue.put(item);
          log.add("put " + item);
          return null;
        });
  }

  @Test
  void capacityMustBePositive() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> AsyncQueue.fifo(0));
    assertEquals("queue capacity must be positive: 0", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> AsyncQueue.lifo(-1));
    assertThrows(
        IllegalArgumentException.class,
        () -> AsyncQueue.priority(Comparator.<Integer>naturalOrder(), 0));
  }

  @Test
  void nullItemsAreRejected() {
    OnLoop.run(
        () -> {
          AsyncQueue<String> queue = AsyncQueue.fifo();
          NullPointerException e = assertThrows(NullPointerException.class, () -> queue.put(null));
          assertEquals("queue items must not be null", e.getMessage());
          assertThrows(NullPointerException.class, () -> queue.offer(null));
          return null;
        });
  }

  @Test
  void eachDisciplineHandsItemsOutInItsOrder() {
    OnLoop.run(
        () -> {
          AsyncQueue<Integer> fifo = AsyncQueue.fifo();
          AsyncQueue<Integer> lifo = AsyncQueue.lifo();
          AsyncQueue<Integer> priority = AsyncQueue.priority(Comparator.naturalOrder());
          for (int item : new int[] {3, 1, 4, 1, 5, 9, 2, 6}) {
            fifo.put(item);
            lifo.put(item);
            priority.put(item);
          }
          assertEquals(List.of(3, 1, 4, 1, 5, 9, 2, 6), pollAll(fifo));
          assertEquals(List.of(6, 2, 9, 5, 1, 4, 1, 3), pollAll(lifo));
          assertEquals(List.of(1, 1, 2, 3, 4, 5, 6, 9), pollAll(priority));
          return null;
        });
  }

  @Test
  void priorityQueueHandsOutEqualItemsOldestFirst() {
    OnLoop.run(
        () -> {
          AsyncQueue<String> byLength = AsyncQueue.priority(Comparator.comparing(String::length));
          for (String item : List.of("ccc", "a", "bb", "b", "dd", "c")) {
            byLength.put(item);
          }
          assertEquals(List.of("a", "b", "c", "bb", "dd", "ccc"), pollAll(byLength));
          return null;
        });
  }

  @Test
  void gettersWaitWhileEmptyAndAreServedInTheOrderTheyArrived() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          AsyncQueue<String> queue = AsyncQueue.fifo();
          List<Task<String>> getters =
              List.of(getter(queue, "b", log), getter(queue, "a", log), getter(queue, "c", log));
          settle();
          assertEquals(List.of(), log);
          queue.put("1");
          queue.put("2");
          queue.put("3");
          Async.await(WaitMode.ALL_COMPLETED, List.copyOf(getters));
          assertTrue(queue.isEmpty());
          return null;
        });
    assertEquals(List.of("b got 1", "a got 2", "c got 3"), log);
  }

  @Test
  void puttersWaitWhileFullAndAreServedInTheOrderTheyArrived() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          AsyncQueue<String> queue = AsyncQueue.fifo(1);
          queue.put("x");
          assertTrue(queue.isFull());
          List<Task<Void>> putters = List.of(putter(queue, "z", log), putter(queue, "y", log));
          settle();
          assertEquals(List.of(), log);
          assertEquals("x", queue.get());
          assertEquals("z", queue.get());
          assertEquals("y", queue.get());
          Async.await(WaitMode.ALL_COMPLETED, List.copyOf(putters));
          return null;
        });
    assertEquals(List.of("put z", "put y"), log);
  }

  @Test
  void offerAndPollNeverWait() {
    OnLoop.run(
        () -> {
          AsyncQueue<String> queue = AsyncQueue.fifo(2);
          assertEquals(Optional.empty(), queue.poll());
          assertTrue(queue.offer("a"));
          assertTrue(queue.offer("b"));
          assertFalse(queue.offer("c"));
          assertEquals(2, queue.size());
          assertEquals(2, queue.capacity());
          assertEquals(Integer.MAX_VALUE, AsyncQueue.fifo().capacity());
          assertEquals(Optional.of("a"), queue.poll());
          return null;
        });
  }

  @Test
  void pollCannotTakeAnItemPromisedToAWaitingGetter() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          AsyncQueue<String> queue = AsyncQueue.fifo();
          Task<String> waiting = getter(queue, "waiting", log);
          settle();
          queue.put("1");
          assertEquals(1, queue.size());
          assertEquals(Optional.empty(), queue.poll());
          queue.put("2");
          assertEquals(Optional.of("1"), queue.poll(), "the unpromised item is the oldest");
          assertEquals("2", waiting.await());
          return null;
        });
  }

  @Test
  void offerCannotTakeASlotPromisedToAWaitingPutter() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          AsyncQueue<String> queue = AsyncQueue.fifo(1);
          queue.put("x");
          Task<Void> waiting = putter(queue, "y", log);
          settle();
          assertEquals("x", queue.get());
          assertTrue(queue.isFull(), "the free slot is promised to the waiting putter");
          assertFalse(queue.offer("newcomer"));
          waiting.await();
          assertEquals(List.of("y"), pollAll(queue));
          return null;
        });
  }

  @Test
  void cancelledGetterLeavesTheQueueUntouched() {
    OnLoop.run(
        () -> {
          AsyncQueue<String> queue = AsyncQueue.fifo();
          Task<String> gone = getter(queue, "gone", new ArrayList<>());
          settle();
          gone.cancel();
          settle();
          queue.put("1");
          assertEquals(Optional.of("1"), queue.poll());
          assertThrows(CancelledException.class, gone::await);
          return null;
        });
  }

  @Test
  void getterCancelledAfterAnItemWasPromisedToItPassesThePromiseOn() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          AsyncQueue<String> queue = AsyncQueue.fifo();
          Task<String> a = getter(queue, "a", log);
          Task<String> b = getter(queue, "b", log);
          settle();
          queue.put("1");
          a.cancel();
          assertThrows(CancelledException.class, a::await);
          assertEquals("1", b.await());
          assertTrue(queue.isEmpty());
          return null;
        });
    assertEquals(List.of("b got 1"), log);
  }

  @Test
  void lastGetterCancelledAfterThePromiseLeavesTheItemInTheQueue() {
    OnLoop.run(
        () -> {
          AsyncQueue<String> queue = AsyncQueue.fifo();
          Task<String> a = getter(queue, "a", new ArrayList<>());
          settle();
          queue.put("1");
          a.cancel();
          settle();
          assertTrue(a.isCancelled());
          assertEquals(Optional.of("1"), queue.poll());
          return null;
        });
  }

  @Test
  void cancelledPutterNeverLeavesItsItemBehind() {
    OnLoop.run(
        () -> {
          AsyncQueue<String> queue = AsyncQueue.fifo(1);
          queue.put("x");
          Task<Void> gone = putter(queue, "gone", new ArrayList<>());
          settle();
          gone.cancel();
          settle();
          assertEquals("x", queue.get());
          assertTrue(queue.isEmpty());
          assertFalse(queue.isFull());
          return null;
        });
  }

  @Test
  void putterCancelledAfterASlotWasPromisedToItPassesTheSlotOn() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          AsyncQueue<String> queue = AsyncQueue.fifo(1);
          queue.put("x");
          Task<Void> p = putter(queue, "p", log);
          Task<Void> q = putter(queue, "q", log);
          settle();
          assertEquals("x", queue.get());
          p.cancel();
          assertThrows(CancelledException.class, p::await);
          q.await();
          assertEquals(List.of("q"), pollAll(queue));
          return null;
        });
    assertEquals(List.of("put q"), log);
  }

  @Test
  void lastPutterCancelledAfterThePromiseGivesTheSlotBack() {
    OnLoop.run(
        () -> {
          AsyncQueue<String> queue = AsyncQueue.fifo(1);
          queue.put("x");
          Task<Void> p = putter(queue, "p", new ArrayList<>());
          settle();
          assertEquals("x", queue.get());
          p.cancel();
          settle();
          assertTrue(p.isCancelled());
          assertTrue(queue.offer("y"));
          return null;
        });
  }

  @Test
  void lifoGetterTakesTheNewestItemWhenItResumes() {
    OnLoop.run(
        () -> {
          AsyncQueue<String> queue = AsyncQueue.lifo();
          Task<String> waiting = getter(queue, "waiting", new ArrayList<>());
          settle();
          queue.put("1");
          queue.put("2");
          assertEquals("2", waiting.await());
          assertEquals(List.of("1"), pollAll(queue));
          return null;
        });
  }

  @Test
  void joinWaitsUntilEveryItemPutIsMarkedDone() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          AsyncQueue<String> queue = AsyncQueue.fifo();
          queue.join();
          queue.put("a");
          queue.put("b");
          Task<Boolean> joiner =
              spawn(
                  () -> {
                    queue.join();
                    return log.add("joined");
                  });
          queue.get();
          queue.taskDone();
          settle();
          assertEquals(List.of(), log);
          queue.get();
          queue.taskDone();
          joiner.await();
          IllegalStateException e = assertThrows(IllegalStateException.class, queue::taskDone);
          assertEquals("taskDone() called more times than items were put", e.getMessage());
          return null;
        });
    assertEquals(List.of("joined"), log);
  }

  @Test
  void cancelledJoinerDoesNotDisturbTheOthers() {
    OnLoop.run(
        () -> {
          AsyncQueue<String> queue = AsyncQueue.fifo();
          queue.put("a");
          Task<Void> gone = spawn(() -> { queue.join(); return null; });
          Task<Void> stays = spawn(() -> { queue.join(); return null; });
          settle();
          gone.cancel();
          settle();
          queue.get();
          queue.taskDone();
          stays.await();
          assertTrue(gone.isCancelled());
          return null;
        });
  }
}

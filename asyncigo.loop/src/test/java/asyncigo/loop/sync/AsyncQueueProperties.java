package asyncigo.loop.sync;

import static asyncigo.api.Async.spawn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.Async;
import asyncigo.api.Task;
import asyncigo.api.WaitMode;
import asyncigo.api.sync.AsyncQueue;
import asyncigo.api.sync.Timeout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random interleavings of put, get, offer, poll, cancellation of any spawned task, and loop turns.
 * Whatever the interleaving: no item is lost or duplicated, a put that threw never leaves its item
 * behind, a FIFO queue hands items out in the order they went in, capacity holds, and after the
 * loop settles no task waits that could go on (no lost wake-up).
 */
class AsyncQueueProperties {

  /** The queue disciplines. */
  enum Kind {
    FIFO,
    LIFO,
    PRIORITY
  }

  /** What went in (puts that returned, offers that succeeded) and came out, in order. */
  private static final class Log {
    final List<Integer> in = new ArrayList<>();
    final List<Integer> out = new ArrayList<>();
  }

  @Property(tries = 300)
  void fifoQueueHandsOutEveryItemOnceInTheOrderItWentIn(
      @ForAll @IntRange(min = 0, max = 4) int capacity,
      @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 99) Integer> script) {
    Log log = play(Kind.FIFO, capacity, script);
    assertEquals(log.in, log.out);
  }

  @Property(tries = 300)
  void lifoAndPriorityQueuesHandOutEveryItemExactlyOnce(
      @ForAll Kind kind,
      @ForAll @IntRange(min = 0, max = 4) int capacity,
      @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 99) Integer> script) {
    Log log = play(kind, capacity, script);
    assertEquals(sorted(log.in), sorted(log.out));
  }

  /**
   * The task a cancel step hits: 80-84 one of the three spawned last (likely still waiting, or
   * just granted), 85-89 any.
   */
  static Task<?> pick(List<Task<?>> tasks, int step) {
    int n = tasks.size();
    return step < 85 ? tasks.get(n - 1 - step % Math.min(n, 3)) : tasks.get(step % n);
  }

  private static List<Integer> sorted(List<Integer> items) {
    List<Integer> copy = new ArrayList<>(items);
    copy.sort(Comparator.naturalOrder());
    return copy;
  }

  private static AsyncQueue<Integer> create(Kind kind, int capacity) {
    return switch (kind) {
      case FIFO -> capacity == 0 ? AsyncQueue.fifo() : AsyncQueue.fifo(capacity);
      case LIFO -> capacity == 0 ? AsyncQueue.lifo() : AsyncQueue.lifo(capacity);
      case PRIORITY ->
          capacity == 0
              ? AsyncQueue.priority(Comparator.naturalOrder())
              : AsyncQueue.priority(Comparator.naturalOrder(), capacity);
    };
  }

  /**
   * Runs the script on a fresh loop; capacity 0 means unbounded. Each step is a number: 0-29
   * spawns a putter of the next item, 30-59 spawns a getter, 60-69 offers the next item and 70-79
   * polls (both from the main task), 80-89 cancels a spawned task ({@link #pick}), 90-99 gives
   * the loop a turn. At the end the loop settles, the liveness check runs, every task is
   * cancelled, and the items left are drained.
   */
  private static Log play(Kind kind, int capacity, List<Integer> script) {
    Log log = new Log();
    int limit = capacity == 0 ? Integer.MAX_VALUE : capacity;
    OnLoop.run(
        () ->
            Timeout.failAfter(
                Duration.ofHours(1), // a deadlock fails the try instead of hanging it
                timeout -> {
                  AsyncQueue<Integer> queue = create(kind, capacity);
                  List<Task<?>> getters = new ArrayList<>();
                  List<Task<?>> putters = new ArrayList<>();
                  List<Task<?>> all = new ArrayList<>();
                  int next = 0;
                  for (int step : script) {
                    if (step < 30) {
                      int item = next++;
                      Task<?> putter =
                          spawn(
                              () -> {
                                queue.put(item);
                                return log.in.add(item);
                              });
                      putters.add(putter);
                      all.add(putter);
                    } else if (step < 60) {
                      Task<?> getter = spawn(() -> log.out.add(queue.get()));
                      getters.add(getter);
                      all.add(getter);
                    } else if (step < 70) {
                      int item = next++;
                      if (queue.offer(item)) {
                        log.in.add(item);
                      }
                    } else if (step < 80) {
                      queue.poll().ifPresent(log.out::add);
                    } else if (step < 90) {
                      if (!all.isEmpty()) {
                        pick(all, step).cancel();
                      }
                    } else {
                      Async.yieldNow();
                    }
                    assertTrue(queue.size() <= limit, "capacity exceeded");
                  }
                  OnLoop.settle();
                  if (getters.stream().anyMatch(t -> !t.isDone())) {
                    assertEquals(0, queue.size(), "a getter waits while items are available");
                  }
                  if (putters.stream().anyMatch(t -> !t.isDone())) {
                    assertFalse(queue.size() < limit, "a putter waits while there is room");
                  }
                  for (Task<?> task : all) {
                    task.cancel();
                  }
                  Async.await(WaitMode.ALL_COMPLETED, List.copyOf(all));
                  for (Optional<Integer> item = queue.poll();
                      item.isPresent();
                      item = queue.poll()) {
                    log.out.add(item.get());
                  }
                  return null;
                }));
    return log;
  }
}

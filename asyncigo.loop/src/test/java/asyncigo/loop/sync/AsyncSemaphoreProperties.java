package asyncigo.loop.sync;

import static asyncigo.api.Async.spawn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.Async;
import asyncigo.api.Task;
import asyncigo.api.WaitMode;
import asyncigo.api.sync.AsyncSemaphore;
import asyncigo.api.sync.Timeout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random interleavings of acquirers holding a permit for a few loop turns, cancellations at any
 * point (while waiting, right after a hand-over, while holding), and loop turns. Whatever the
 * interleaving: never more holders than permits, tasks that had to wait get their permits in the
 * order they arrived (so nobody overtakes a waiter), no task waits while a permit is free, and
 * every permit comes back.
 */
class AsyncSemaphoreProperties {

  /** The state the acquirers of one try share. */
  private static final class Run {
    final int permits;
    final AsyncSemaphore semaphore;
    final List<Integer> servedWaiters = new ArrayList<>();
    int holders;

    Run(int permits) {
      this.permits = permits;
      this.semaphore = AsyncSemaphore.bounded(permits);
    }

    /** Takes a permit and holds it for {@code turns} loop turns. */
    Void hold(int arrival, int turns) {
      boolean waits = semaphore.available() == 0;
      return semaphore.withPermit(
          () -> {
            if (waits) {
              servedWaiters.add(arrival);
            }
            assertTrue(++holders <= permits, "more holders than permits");
            try {
              for (int i = 0; i < turns; i++) {
                Async.yieldNow();
              }
            } finally {
              holders--;
            }
            return null;
          });
    }
  }

  /**
   * Each step is a number: 0-49 spawns an acquirer that holds its permit for {@code step % 4}
   * loop turns, 50-79 cancels a spawned task (one of the three spawned last, or any: {@link
   * AsyncQueueProperties#pick}), 80-99 gives the loop a turn.
   */
  @Property(tries = 300)
  void permitsAreNeverOverIssuedWaitersAreServedInArrivalOrderAndAllComeBack(
      @ForAll @IntRange(min = 1, max = 3) int permits,
      @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 99) Integer> script) {
    Run run = new Run(permits);
    OnLoop.run(
        () ->
            Timeout.failAfter(
                Duration.ofHours(1), // a deadlock fails the try instead of hanging it
                timeout -> {
                  List<Task<?>> tasks = new ArrayList<>();
                  for (int step : script) {
                    if (step < 50) {
                      int arrival = tasks.size();
                      int turns = step % 4;
                      tasks.add(spawn(() -> run.hold(arrival, turns)));
                    } else if (step < 80) {
                      if (!tasks.isEmpty()) {
                        AsyncQueueProperties.pick(tasks, 80 + step % 10).cancel();
                      }
                    } else {
                      Async.yieldNow();
                    }
                  }
                  OnLoop.settle();
                  if (tasks.stream().anyMatch(t -> !t.isDone())) {
                    assertEquals(
                        0, run.semaphore.available(), "a task waits while a permit is free");
                  }
                  Async.await(WaitMode.ALL_COMPLETED, List.copyOf(tasks));
                  assertEquals(permits, run.semaphore.available(), "a permit was lost");
                  return null;
                }));
    List<Integer> inOrder = new ArrayList<>(run.servedWaiters);
    inOrder.sort(null);
    assertEquals(inOrder, run.servedWaiters, "waiters served out of arrival order");
  }
}

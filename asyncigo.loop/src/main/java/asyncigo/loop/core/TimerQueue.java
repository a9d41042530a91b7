package asyncigo.loop.core;

import java.util.PriorityQueue;

/**
 * Pending timers in a binary heap ordered by (due time, sequence). Cancelled timers stay in the
 * heap until they reach its head, unless they outnumber the live ones, when the heap is rebuilt
 * (asyncio's policy), so cancelling a million sleeps does not leak. Every timer fired is recorded
 * with its lateness in {@link #lag}. Loop-confined, except the racy reads of the metrics.
 */
final class TimerQueue {
  final Scheduler scheduler;
  final LagWindow lag = new LagWindow();
  private final PriorityQueue<TimerHandle> heap = new PriorityQueue<>();
  private long sequence;
  private int cancelledCount;

  TimerQueue(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  TimerHandle schedule(long when, ReadyEntry entry) {
    TimerHandle h = new TimerHandle(when, sequence++, entry, this);
    heap.add(h);
    return h;
  }

  void cancelled(TimerHandle h) {
    if (++cancelledCount > 64 && cancelledCount > heap.size() / 2) {
      heap.removeIf(TimerHandle::cancelled);
      cancelledCount = 0;
    }
  }

  /** The due time of the first live timer, or {@link Long#MAX_VALUE} if there is none. */
  long nextDue() {
    dropCancelledHead();
    TimerHandle h = heap.peek();
    return h == null ? Long.MAX_VALUE : h.when();
  }

  /** Moves the entries of every live timer due at or before {@code now} to {@code sink}. */
  void popDue(long now, java.util.function.Consumer<ReadyEntry> sink) {
    for (TimerHandle h = heap.peek(); h != null && h.when() <= now; h = heap.peek()) {
      heap.poll();
      ReadyEntry r = h.take();
      if (r != null) {
        lag.record(now, now - h.when());
        sink.accept(r);
      } else if (cancelledCount > 0) {
        cancelledCount--;
      }
    }
  }

  /** Timers neither fired nor cancelled. */
  int pending() {
    return Math.max(0, heap.size() - cancelledCount);
  }

  boolean isEmpty() {
    dropCancelledHead();
    return heap.isEmpty();
  }

  private void dropCancelledHead() {
    for (TimerHandle h = heap.peek(); h != null && h.cancelled(); h = heap.peek()) {
      heap.poll();
      if (cancelledCount > 0) {
        cancelledCount--;
      }
    }
  }
}

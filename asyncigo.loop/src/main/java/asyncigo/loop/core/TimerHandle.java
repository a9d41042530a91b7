package asyncigo.loop.core;

import asyncigo.api.Handle;

/**
 * A ready entry (a callback, or a sleeping task) due at a loop time. Ordered by due time, then by scheduling order, so equal
 * deadlines fire first-scheduled-first. {@link #cancel()} and {@link #isCancelled()} are
 * loop-confined and checked; {@link #when()} is thread-safe.
 */
final class TimerHandle implements Handle, Comparable<TimerHandle> {
  private final long when;
  private final long sequence;
  private ReadyEntry entry;
  private boolean cancelled;
  private final TimerQueue queue;

  TimerHandle(long when, long sequence, ReadyEntry entry, TimerQueue queue) {
    this.when = when;
    this.sequence = sequence;
    this.entry = entry;
    this.queue = queue;
  }

  @Override
  public boolean cancel() {
    queue.scheduler.checkOwner("Handle.cancel");
    if (entry == null) {
      return false;
    }
    entry = null;
    cancelled = true;
    queue.cancelled(this);
    return true;
  }

  @Override
  public boolean isCancelled() {
    queue.scheduler.checkOwner("Handle.isCancelled");
    return cancelled;
  }

  /** {@link #isCancelled()} without the thread check, for the queue. */
  boolean cancelled() {
    return cancelled;
  }

  @Override
  public long when() {
    return when;
  }

  /** Takes the entry for the ready queue (null if cancelled); the handle can no longer be cancelled. */
  ReadyEntry take() {
    ReadyEntry r = entry;
    entry = null;
    return r;
  }

  @Override
  public int compareTo(TimerHandle o) {
    int c = Long.compare(when, o.when);
    return c != 0 ? c : Long.compare(sequence, o.sequence);
  }
}

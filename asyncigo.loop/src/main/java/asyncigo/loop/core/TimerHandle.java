package asyncigo.loop.core;

import asyncigo.api.Handle;

/**
 * A callback due at a loop time. Ordered by due time, then by scheduling order, so equal
 * deadlines fire first-scheduled-first. {@link #cancel()} and {@link #isCancelled()} are
 * loop-confined and checked; {@link #when()} is thread-safe.
 */
final class TimerHandle implements Handle, Comparable<TimerHandle> {
  private final long when;
  private final long sequence;
  private Runnable callback;
  private boolean cancelled;
  private final TimerQueue queue;

  TimerHandle(long when, long sequence, Runnable callback, TimerQueue queue) {
    this.when = when;
    this.sequence = sequence;
    this.callback = callback;
    this.queue = queue;
  }

  @Override
  public boolean cancel() {
    queue.scheduler.checkOwner("Handle.cancel");
    if (callback == null) {
      return false;
    }
    callback = null;
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

  /** Takes the callback for running (null if cancelled); the handle can no longer be cancelled. */
  Runnable take() {
    Runnable r = callback;
    callback = null;
    return r;
  }

  @Override
  public int compareTo(TimerHandle o) {
    int c = Long.compare(when, o.when);
    return c != 0 ? c : Long.compare(sequence, o.sequence);
  }
}

package asyncigo.loop.core;

import asyncigo.api.Handle;

/**
 * A {@code callSoon} callback in the ready queue that can be cancelled before it runs. {@link
 * #cancel()} and {@link #isCancelled()} are loop-confined and checked; {@link #when()} is
 * thread-safe.
 */
final class CallbackHandle implements Handle, ReadyEntry {
  private final Scheduler scheduler;
  private Runnable callback;
  private boolean cancelled;
  private final long when;

  CallbackHandle(Scheduler scheduler, Runnable callback, long when) {
    this.scheduler = scheduler;
    this.callback = callback;
    this.when = when;
  }

  @Override
  public RealTask<?> takeTurn() {
    Runnable r = callback;
    callback = null;
    if (r != null) {
      r.run();
    }
    return null;
  }

  @Override
  public boolean cancel() {
    scheduler.checkOwner("Handle.cancel");
    if (callback == null) {
      return false;
    }
    callback = null;
    cancelled = true;
    return true;
  }

  @Override
  public boolean isCancelled() {
    scheduler.checkOwner("Handle.isCancelled");
    return cancelled;
  }

  @Override
  public long when() {
    return when;
  }
}

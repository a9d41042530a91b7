package asyncigo.loop.core;

import asyncigo.api.Handle;

/** A {@code callSoon} callback in the ready queue that can be cancelled before it runs. */
final class CallbackHandle implements Handle, Runnable {
  private Runnable callback;
  private boolean cancelled;
  private final long when;

  CallbackHandle(Runnable callback, long when) {
    this.callback = callback;
    this.when = when;
  }

  @Override
  public void run() {
    Runnable r = callback;
    callback = null;
    if (r != null) {
      r.run();
    }
  }

  @Override
  public boolean cancel() {
    if (callback == null) {
      return false;
    }
    callback = null;
    cancelled = true;
    return true;
  }

  @Override
  public boolean isCancelled() {
    return cancelled;
  }

  @Override
  public long when() {
    return when;
  }
}

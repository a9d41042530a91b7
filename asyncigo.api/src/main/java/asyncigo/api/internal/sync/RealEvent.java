package asyncigo.api.internal.sync;

import asyncigo.api.sync.AsyncEvent;

/** The {@link AsyncEvent}: a flag and the tasks waiting for it to be set. */
public final class RealEvent implements AsyncEvent {
  private final WaitQueue<Void> waiters = new WaitQueue<>();
  private boolean set;

  @Override
  public void await() {
    if (!set) {
      waiters.await(woken -> {});
    }
  }

  @Override
  public void set() {
    if (!set) {
      set = true;
      waiters.grantAll(null);
    }
  }

  @Override
  public void clear() {
    set = false;
  }

  @Override
  public boolean isSet() {
    return set;
  }

  @Override
  public String toString() {
    return "AsyncEvent[" + (set ? "set" : "unset") + ", waiters=" + waiters.size() + "]";
  }
}

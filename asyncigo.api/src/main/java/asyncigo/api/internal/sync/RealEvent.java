package asyncigo.api.internal.sync;

import asyncigo.api.Loop;
import asyncigo.api.sync.AsyncEvent;

/** The {@link AsyncEvent}: a flag and the tasks waiting for it to be set. */
public final class RealEvent implements AsyncEvent {
  private final LoopBinding binding = new LoopBinding();
  private final WaitQueue<Void> waiters = new WaitQueue<>();
  private boolean set;

  @Override
  public void await() {
    Loop loop = binding.check("AsyncEvent.await");
    if (!set) {
      waiters.await(loop, woken -> {});
    }
  }

  @Override
  public void set() {
    binding.check("AsyncEvent.set");
    if (!set) {
      set = true;
      waiters.grantAll(null);
    }
  }

  @Override
  public void clear() {
    binding.check("AsyncEvent.clear");
    set = false;
  }

  @Override
  public boolean isSet() {
    binding.check("AsyncEvent.isSet");
    return set;
  }

  @Override
  public String toString() {
    return "AsyncEvent[" + (set ? "set" : "unset") + ", waiters=" + waiters.size() + "]";
  }
}

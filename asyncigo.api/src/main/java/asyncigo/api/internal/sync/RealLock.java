package asyncigo.api.internal.sync;

import asyncigo.api.Coroutine;
import asyncigo.api.UncheckedExecutionException;
import asyncigo.api.sync.AsyncLock;

/**
 * The {@link AsyncLock}. Invariant: tasks wait only while the lock is locked; {@link #release()}
 * with a waiter keeps it locked and hands it over, so nobody can take it between the release and
 * the waiter's resumption.
 */
public final class RealLock implements AsyncLock {
  private final WaitQueue<Void> waiters = new WaitQueue<>();
  private boolean locked;

  @Override
  public void acquire() {
    if (!locked) {
      locked = true;
      return;
    }
    waiters.await(handedOver -> release());
  }

  @Override
  public void release() {
    if (!locked) {
      throw new IllegalStateException("release() of an AsyncLock that is not locked");
    }
    if (!waiters.grant(null)) {
      locked = false;
    }
  }

  @Override
  public boolean isLocked() {
    return locked;
  }

  @Override
  public <T> T withLock(Coroutine<T> block) {
    acquire();
    try {
      return block.call();
    } catch (Exception e) {
      throw UncheckedExecutionException.rethrow(e);
    } finally {
      release();
    }
  }

  @Override
  public String toString() {
    return "AsyncLock[" + (locked ? "locked" : "unlocked") + ", waiters=" + waiters.size() + "]";
  }
}

package asyncigo.api.internal.sync;

import asyncigo.api.Coroutine;
import asyncigo.api.Loop;
import asyncigo.api.UncheckedExecutionException;
import asyncigo.api.sync.AsyncLock;

/**
 * The {@link AsyncLock}. Invariant: tasks wait only while the lock is locked; {@link #release()}
 * with a waiter keeps it locked and hands it over, so nobody can take it between the release and
 * the waiter's resumption.
 */
public final class RealLock implements AsyncLock {
  private final LoopBinding binding = new LoopBinding();
  private final WaitQueue<Void> waiters = new WaitQueue<>();
  private boolean locked;

  @Override
  public void acquire() {
    Loop loop = binding.check("AsyncLock.acquire");
    if (!locked) {
      locked = true;
      return;
    }
    waiters.await(loop, handedOver -> release());
  }

  @Override
  public void release() {
    binding.check("AsyncLock.release");
    if (!locked) {
      throw new IllegalStateException("release() of an AsyncLock that is not locked");
    }
    if (!waiters.grant(null)) {
      locked = false;
    }
  }

  @Override
  public boolean isLocked() {
    binding.check("AsyncLock.isLocked");
    return locked;
  }

  @Override
  public <T> T withLock(Coroutine<T> block) {
    binding.check("AsyncLock.withLock");
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

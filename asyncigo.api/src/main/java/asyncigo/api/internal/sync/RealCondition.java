package asyncigo.api.internal.sync;

import asyncigo.api.Async;
import asyncigo.api.Coroutine;
import asyncigo.api.Loop;
import asyncigo.api.sync.AsyncCondition;
import asyncigo.api.sync.AsyncLock;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * The {@link AsyncCondition}: a lock and the tasks waiting for a signal. A waiter takes the lock
 * back inside {@link asyncigo.api.Task#shielded}: with cancellation level-triggered, a cancelled
 * task could not otherwise await the lock, and would leave {@link #await()} without it.
 */
public final class RealCondition implements AsyncCondition {
  private final AsyncLock lock;
  private final LoopBinding binding = new LoopBinding();
  private final WaitQueue<Void> waiters = new WaitQueue<>();

  /** A condition over {@code lock}. */
  public RealCondition(AsyncLock lock) {
    this.lock = Objects.requireNonNull(lock, "lock");
  }

  @Override
  public AsyncLock lock() {
    return lock;
  }

  @Override
  public <T> T withLock(Coroutine<T> block) {
    binding.check("AsyncCondition.withLock");
    return lock.withLock(block);
  }

  @Override
  public void await() {
    Loop loop = binding.check("AsyncCondition.await");
    requireLocked("await()");
    lock.release();
    try {
      waiters.await(loop, signalled -> wake(1));
    } finally {
      Async.shielded(
          () -> {
            lock.acquire();
            return null;
          });
    }
  }

  @Override
  public void awaitUntil(BooleanSupplier predicate) {
    binding.check("AsyncCondition.awaitUntil");
    Objects.requireNonNull(predicate, "predicate");
    requireLocked("awaitUntil()");
    while (!predicate.getAsBoolean()) {
      await();
    }
  }

  @Override
  public void signal() {
    signal(1);
  }

  @Override
  public void signal(int n) {
    binding.check("AsyncCondition.signal");
    if (n < 0) {
      throw new IllegalArgumentException("number of tasks to signal must not be negative: " + n);
    }
    requireLocked("signal()");
    wake(n);
  }

  @Override
  public void signalAll() {
    binding.check("AsyncCondition.signalAll");
    requireLocked("signalAll()");
    waiters.grantAll(null);
  }

  private void wake(int n) {
    for (int i = 0; i < n && waiters.grant(null); i++) {
      // each grant wakes one waiter
    }
  }

  private void requireLocked(String operation) {
    if (!lock.isLocked()) {
      throw new IllegalStateException(operation + " on an AsyncCondition whose lock is not held");
    }
  }

  @Override
  public String toString() {
    return "AsyncCondition[" + lock + ", waiters=" + waiters.size() + "]";
  }
}

package asyncigo.api.internal.sync;

import asyncigo.api.Coroutine;
import asyncigo.api.Loop;
import asyncigo.api.UncheckedExecutionException;
import asyncigo.api.sync.AsyncSemaphore;

/**
 * The {@link AsyncSemaphore}. Invariant: tasks wait only while no permit is available; a release
 * with a waiter hands its permit over instead of counting it, so nobody can take it between the
 * release and the waiter's resumption.
 */
public final class RealSemaphore implements AsyncSemaphore {
  private final LoopBinding binding = new LoopBinding();
  private final WaitQueue<Void> waiters = new WaitQueue<>();
  private final boolean bounded;
  private final int bound;
  private int permits;

  private RealSemaphore(int permits, boolean bounded) {
    this.permits = permits;
    this.bounded = bounded;
    this.bound = bounded ? permits : Integer.MAX_VALUE;
  }

  /** A semaphore with {@code permits} permits, bounded to them if {@code bounded}. */
  public static RealSemaphore create(int permits, boolean bounded) {
    if (permits < 0) {
      throw new IllegalArgumentException("semaphore permits must not be negative: " + permits);
    }
    return new RealSemaphore(permits, bounded);
  }

  @Override
  public void acquire() {
    Loop loop = binding.check("AsyncSemaphore.acquire");
    if (permits > 0) {
      permits--;
      return;
    }
    waiters.await(loop, handedOver -> release());
  }

  @Override
  public void release() {
    binding.check("AsyncSemaphore.release");
    if (waiters.grant(null)) {
      return;
    }
    if (permits == bound) {
      throw new IllegalStateException(
          bounded
              ? "bounded semaphore released too many times: it holds " + bound + " permits"
              : "semaphore permit count would overflow");
    }
    permits++;
  }

  @Override
  public int available() {
    binding.check("AsyncSemaphore.available");
    return permits;
  }

  @Override
  public <T> T withPermit(Coroutine<T> block) {
    binding.check("AsyncSemaphore.withPermit");
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
    return (bounded ? "bounded " : "")
        + "AsyncSemaphore[available="
        + permits
        + ", waiters="
        + waiters.size()
        + "]";
  }
}

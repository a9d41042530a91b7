package asyncigo.loop.core;

import asyncigo.api.Loop;

/**
 * A future of a channel's readiness for one operation, made for the loop's I/O service ({@code
 * asyncigo.loop.io}). It runs a hook whenever it settles, whoever settled it (the poller's
 * readiness, a close, the awaiting task's cancellation), so that the service withdraws the
 * interest at once; and the service may {@link #reset} it once it is done, so that one future per
 * stream and direction serves every wait (no allocation per wait). Loop-confined.
 */
public final class ReadinessFuture extends RealFuture<Void> {
  private ReadinessFuture(Scheduler scheduler, Runnable settled) {
    super(scheduler);
    completion.onSettled = settled;
  }

  /**
   * A new pending future of {@code loop}.
   *
   * @param loop a loop of this implementation
   * @param settled run, inside the settling call, each time the future settles
   * @return the future
   */
  public static ReadinessFuture create(Loop loop, Runnable settled) {
    return new ReadinessFuture(((RealLoop) loop).scheduler, settled);
  }

  /**
   * Makes this done future pending again. Only for a future nobody else holds: a task that
   * awaited it must have resumed and read its outcome first.
   *
   * @throws IllegalStateException if the future is still pending
   */
  public void reset() {
    if (!isDone()) {
      throw new IllegalStateException("a pending readiness future cannot be reset");
    }
    completion.rearm();
  }
}

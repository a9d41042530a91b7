package asyncigo.api.internal.sync;

import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.Promise;
import asyncigo.api.sync.AsyncBarrier;
import asyncigo.api.sync.BarrierBrokenException;

/**
 * The {@link AsyncBarrier}. The waiting parties are a wait queue; the party that completes the
 * count completes their futures with their arrival indices, in arrival order, which empties the
 * queue, so the next generation starts filling at once. A cancelled waiter leaves the queue, so
 * indices are given at the trip, not at arrival, and stay 0 to parties - 1 without gaps.
 */
public final class RealBarrier implements AsyncBarrier {
  private final int parties;
  private final LoopBinding binding = new LoopBinding();
  private final WaitQueue<Integer> waiting = new WaitQueue<>();
  private boolean broken;

  /** A barrier for {@code parties} tasks. */
  public RealBarrier(int parties) {
    if (parties < 1) {
      throw new IllegalArgumentException("a barrier needs at least 1 party: " + parties);
    }
    this.parties = parties;
  }

  @Override
  public int await() {
    Loop loop = binding.check("AsyncBarrier.await");
    if (broken) {
      throw new BarrierBrokenException("barrier is broken: abort() was called");
    }
    if (waiting.size() + 1 < parties) {
      return waiting.await(loop, tripped -> {});
    }
    int index = 0;
    for (Promise<Integer> party = waiting.pollLive(); party != null; party = waiting.pollLive()) {
      party.complete(index++);
    }
    return index;
  }

  @Override
  public void reset() {
    binding.check("AsyncBarrier.reset");
    broken = false;
    waiting.failAll(() -> new BarrierBrokenException("barrier was reset while the task waited"));
  }

  @Override
  public void abort() {
    binding.check("AsyncBarrier.abort");
    broken = true;
    waiting.failAll(() -> new BarrierBrokenException("barrier was aborted while the task waited"));
  }

  @Override
  public int parties() {
    return parties;
  }

  @Override
  public int waiting() {
    binding.check("AsyncBarrier.waiting");
    return waiting.size();
  }

  @Override
  public boolean isBroken() {
    binding.check("AsyncBarrier.isBroken");
    return broken;
  }

  @Override
  public String toString() {
    return "AsyncBarrier[parties="
        + parties
        + ", waiting="
        + waiting.size()
        + (broken ? ", broken" : "")
        + "]";
  }
}

package asyncigo.loop.sync;

import static asyncigo.api.Async.spawn;
import static asyncigo.loop.sync.OnLoop.settle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.CancelledException;
import asyncigo.api.Task;
import asyncigo.api.sync.AsyncBarrier;
import asyncigo.api.sync.BarrierBrokenException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

@Timeout(value = 10, threadMode = ThreadMode.SEPARATE_THREAD)
class AsyncBarrierTest {

  private static Task<Integer> party(AsyncBarrier barrier) {
    return spawn(barrier::await);
  }

  @Test
  void aBarrierNeedsAtLeastOneParty() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> AsyncBarrier.create(0));
    assertEquals("a barrier needs at least 1 party: 0", e.getMessage());
  }

  @Test
  void theLastArrivalTripsTheBarrierAndIndicesFollowArrivalOrder() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          AsyncBarrier barrier = AsyncBarrier.create(3);
          Task<Integer> first = party(barrier);
          Task<Integer> second = party(barrier);
          settle();
          assertEquals(2, barrier.waiting());
          spawn(() -> log.add("other task ran"));
          assertEquals(2, barrier.await(), "the last arrival does not suspend");
          log.add("tripped");
          assertEquals(0, barrier.waiting());
          assertEquals(0, first.await());
          assertEquals(1, second.await());
          return null;
        });
    assertEquals(List.of("tripped", "other task ran"), log);
  }

  @Test
  void theBarrierStartsOverAfterEachTrip() {
    OnLoop.run(
        () -> {
          AsyncBarrier barrier = AsyncBarrier.create(2);
          for (int round = 0; round < 3; round++) {
            Task<Integer> other = party(barrier);
            settle();
            assertEquals(1, barrier.await());
            assertEquals(0, other.await());
          }
          assertEquals(2, barrier.parties());
          return null;
        });
  }

  @Test
  void aPartyCancelledWhileWaitingNoLongerCounts() {
    OnLoop.run(
        () -> {
          AsyncBarrier barrier = AsyncBarrier.create(2);
          Task<Integer> gone = party(barrier);
          settle();
          gone.cancel();
          settle();
          assertEquals(0, barrier.waiting());
          Task<Integer> b = party(barrier);
          settle();
          assertFalse(b.isDone(), "one party is not enough");
          assertEquals(1, barrier.await());
          assertEquals(0, b.await());
          assertThrows(CancelledException.class, gone::await);
          return null;
        });
  }

  @Test
  void aPartyCancelledAfterTheTripIsCancelledButTheTripStands() {
    OnLoop.run(
        () -> {
          AsyncBarrier barrier = AsyncBarrier.create(3);
          Task<Integer> a = party(barrier);
          Task<Integer> b = party(barrier);
          settle();
          assertEquals(2, barrier.await());
          a.cancel();
          assertThrows(CancelledException.class, a::await);
          assertEquals(1, b.await());
          assertEquals(0, barrier.waiting());
          assertFalse(barrier.isBroken());
          return null;
        });
  }

  @Test
  void abortBreaksWaitingPartiesAndLaterWaitsUntilReset() {
    OnLoop.run(
        () -> {
          AsyncBarrier barrier = AsyncBarrier.create(3);
          Task<Integer> a = party(barrier);
          settle();
          barrier.abort();
          assertTrue(barrier.isBroken());
          BarrierBrokenException waiting = assertThrows(BarrierBrokenException.class, a::await);
          assertEquals("barrier was aborted while the task waited", waiting.getMessage());
          BarrierBrokenException later =
              assertThrows(BarrierBrokenException.class, barrier::await);
          assertEquals("barrier is broken: abort() was called", later.getMessage());
          barrier.reset();
          assertFalse(barrier.isBroken());
          Task<Integer> b = party(barrier);
          Task<Integer> c = party(barrier);
          settle();
          assertEquals(2, barrier.await());
          assertEquals(List.of(0, 1), List.of(b.await(), c.await()));
          return null;
        });
  }

  @Test
  void resetBreaksThePartiesWaitingNowButNotLaterOnes() {
    OnLoop.run(
        () -> {
          AsyncBarrier barrier = AsyncBarrier.create(2);
          Task<Integer> a = party(barrier);
          settle();
          barrier.reset();
          BarrierBrokenException e = assertThrows(BarrierBrokenException.class, a::await);
          assertEquals("barrier was reset while the task waited", e.getMessage());
          assertFalse(barrier.isBroken());
          Task<Integer> b = party(barrier);
          settle();
          assertEquals(1, barrier.await());
          assertEquals(0, b.await());
          return null;
        });
  }

  @Test
  void aBarrierOfOnePartyNeverWaits() {
    OnLoop.run(
        () -> {
          AsyncBarrier barrier = AsyncBarrier.create(1);
          assertEquals(0, barrier.await());
          assertEquals(0, barrier.await());
          return null;
        });
  }
}

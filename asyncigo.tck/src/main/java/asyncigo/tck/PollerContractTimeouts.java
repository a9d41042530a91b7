package asyncigo.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.spi.Poller;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * The poll timeout (negative: no limit, 0: at once, positive: at least that long) and {@link
 * Poller#wakeup()}. Lower bounds on elapsed time are exact; "at once" is checked against a bound
 * far below the timeout that a broken poller would wait for.
 *
 * @since 0.1
 */
public interface PollerContractTimeouts extends PollerContractFixture {
  /** A generous bound for "returned at once" on a loaded machine. */
  Duration AT_ONCE = Duration.ofSeconds(1);

  @Test
  default void pollWithZeroTimeoutReturnsAtOnceWhenNothingIsReady() throws Exception {
    Poller.PipeEnds idle = pipe();
    poller().register(idle.source(), Poller.READ, "idle");
    long start = System.nanoTime();
    assertEquals(List.of(), pollOnceOrRescue(0));
    assertTrue(System.nanoTime() - start < AT_ONCE.toNanos(), "poll(0) took too long");
  }

  @Test
  default void positiveTimeoutWaitsAtLeastThatLong() throws Exception {
    long timeout = Duration.ofMillis(40).toNanos();
    long start = System.nanoTime();
    assertEquals(List.of(), pollOnceOrRescue(timeout));
    long elapsed = System.nanoTime() - start;
    assertTrue(elapsed >= timeout, "poll(40 ms) returned after " + elapsed + " ns");
  }

  /** A backend with millisecond granularity must round up, never down to 0 ("forever" in NIO). */
  @Test
  default void fractionalMillisecondTimeoutsWaitAtLeastThatLong() throws Exception {
    for (long timeout : new long[] {1, 300_000, 1_500_000}) {
      long start = System.nanoTime();
      assertEquals(List.of(), pollOnceOrRescue(timeout));
      long elapsed = System.nanoTime() - start;
      assertTrue(elapsed >= timeout, "poll(" + timeout + " ns) returned after " + elapsed + " ns");
    }
  }

  @Test
  default void aReadyChannelEndsAPollWithoutTimeout() throws Exception {
    Poller.PipeEnds ends = pipe();
    poller().register(ends.source(), Poller.READ, "source");
    send(ends.sink(), "x");
    assertEquals(List.of(new Ready("source", Poller.READ)), pollOnceOrRescue(-1));
  }

  /** A poll without timeout returns, reporting nothing, when another thread calls wakeup. */
  @Test
  default void negativeTimeoutWaitsUntilAnotherThreadCallsWakeup() throws Exception {
    CountDownLatch aboutToPoll = new CountDownLatch(1);
    Thread waker =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    aboutToPoll.await();
                    poller().wakeup();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
    aboutToPoll.countDown();
    assertEquals(List.of(), pollOnceOrRescue(-1));
    waker.join();
  }

  @Test
  default void wakeupBeforePollMakesTheNextPollReturnAtOnce() throws IOException {
    poller().wakeup();
    assertReturnsAtOnce("the woken poll");
  }

  /**
   * Several wakeups while no poll runs wake one poll; the poll after it waits again, and a later
   * wakeup wakes the poll after that.
   */
  @Test
  default void wakeupsCoalesceSoOnlyTheNextPollReturnsAtOnce() throws Exception {
    poller().wakeup();
    poller().wakeup();
    poller().wakeup();
    assertReturnsAtOnce("the woken poll");

    long timeout = Duration.ofMillis(40).toNanos();
    long start = System.nanoTime();
    assertEquals(List.of(), pollOnceOrRescue(timeout));
    long elapsed = System.nanoTime() - start;
    assertTrue(elapsed >= timeout, "the poll after the woken one returned after " + elapsed);

    poller().wakeup();
    assertReturnsAtOnce("the poll after a later wakeup");
  }

  /**
   * Another thread queues work, then calls wakeup, many times while the poller polls and drains
   * the queue (a loop's cross-thread hand-off): no poll ever waits out its timeout, however the
   * wakeups interleave with the polls.
   */
  @Test
  default void noWakeupIsLostWhenAnotherThreadQueuesWorkAndWakesThePoller() throws Exception {
    int total = 20_000;
    Queue<Integer> work = new ConcurrentLinkedQueue<>();
    Thread producer =
        Thread.ofPlatform()
            .start(
                () -> {
                  for (int i = 0; i < total; i++) {
                    work.add(i);
                    poller().wakeup();
                  }
                });
    int received = 0;
    while (received < total) {
      long start = System.nanoTime();
      assertEquals(List.of(), pollOnce(PATIENCE.toNanos()));
      long elapsed = System.nanoTime() - start;
      assertTrue(
          elapsed < PATIENCE.toNanos(),
          "a wakeup was lost: the poll waited out its timeout with " + work.size() + " queued");
      while (work.poll() != null) {
        received++;
      }
    }
    producer.join();
  }

  /** Polls with a long timeout, which must return at once, reporting nothing. */
  private void assertReturnsAtOnce(String which) throws IOException {
    long start = System.nanoTime();
    assertEquals(List.of(), pollOnce(PATIENCE.toNanos()), which);
    long elapsed = System.nanoTime() - start;
    assertTrue(elapsed < AT_ONCE.toNanos(), which + " returned after " + elapsed + " ns");
  }
}

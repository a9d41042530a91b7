package asyncigo.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.spi.Poller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The poll timeout (negative: no limit, 0: at once, positive: at least that long) and {@link
 * Poller#wakeup()}. Lower bounds on elapsed time are exact; "at once" is checked against a bound
 * far below the timeout that a broken poller would wait for.
 */
public interface PollerContractTimeouts extends PollerContractFixture {
  /** A generous bound for "returned at once" on a loaded machine. */
  Duration AT_ONCE = Duration.ofSeconds(1);

  @Test
  default void pollWithZeroTimeoutReturnsAtOnceWhenNothingIsReady() throws IOException {
    Poller.PipeEnds idle = pipe();
    poller().register(idle.source(), Poller.READ, "idle");
    long start = System.nanoTime();
    assertEquals(List.of(), pollOnce(0));
    assertTrue(System.nanoTime() - start < AT_ONCE.toNanos(), "poll(0) took too long");
  }

  @Test
  default void positiveTimeoutWaitsAtLeastThatLong() throws IOException {
    long timeout = Duration.ofMillis(40).toNanos();
    long start = System.nanoTime();
    assertEquals(List.of(), pollOnce(timeout));
    long elapsed = System.nanoTime() - start;
    assertTrue(elapsed >= timeout, "poll(40 ms) returned after " + elapsed + " ns");
  }

  /** A backend with millisecond granularity must round up, never down to 0 ("forever" in NIO). */
  @Test
  default void fractionalMillisecondTimeoutsWaitAtLeastThatLong() throws IOException {
    for (long timeout : new long[] {1, 300_000, 1_500_000}) {
      long start = System.nanoTime();
      assertEquals(List.of(), pollOnce(timeout));
      long elapsed = System.nanoTime() - start;
      assertTrue(elapsed >= timeout, "poll(" + timeout + " ns) returned after " + elapsed + " ns");
    }
  }

  @Test
  default void aReadyChannelEndsAPollWithoutTimeout() throws IOException {
    Poller.PipeEnds ends = pipe();
    poller().register(ends.source(), Poller.READ, "source");
    send(ends.sink(), "x");
    assertEquals(List.of(new Ready("source", Poller.READ)), pollOnce(-1));
  }

  /**
   * A poll without timeout returns, reporting nothing, when another thread calls wakeup. If the
   * wakeup were lost, the waker makes a rescue pipe readable after a while so that the test fails
   * instead of hanging.
   */
  @Test
  default void negativeTimeoutWaitsUntilAnotherThreadCallsWakeup() throws Exception {
    Poller.PipeEnds rescue = pipe();
    poller().register(rescue.source(), Poller.READ, "rescue");
    CountDownLatch aboutToPoll = new CountDownLatch(1);
    CountDownLatch returned = new CountDownLatch(1);
    Thread waker =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    aboutToPoll.await();
                    poller().wakeup();
                    if (!returned.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                      rescue.sink().write(ByteBuffer.wrap(new byte[] {1}));
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
    aboutToPoll.countDown();
    List<Ready> seen = pollOnce(-1);
    returned.countDown();
    waker.join();
    assertEquals(List.of(), seen, "poll(-1) must return on wakeup, not on the rescue pipe");
  }

  @Test
  default void wakeupBeforePollMakesTheNextPollReturnAtOnce() throws IOException {
    poller().wakeup();
    long start = System.nanoTime();
    assertEquals(List.of(), pollOnce(PATIENCE.toNanos()));
    assertTrue(System.nanoTime() - start < AT_ONCE.toNanos(), "the woken poll did not return at once");
  }

  /** Several wakeups while no poll runs wake one poll; the poll after it waits again. */
  @Test
  default void wakeupsCoalesceSoOnlyTheNextPollReturnsAtOnce() throws IOException {
    poller().wakeup();
    poller().wakeup();
    poller().wakeup();
    long start = System.nanoTime();
    assertEquals(List.of(), pollOnce(PATIENCE.toNanos()));
    assertTrue(System.nanoTime() - start < AT_ONCE.toNanos(), "the woken poll did not return at once");

    long timeout = Duration.ofMillis(40).toNanos();
    start = System.nanoTime();
    assertEquals(List.of(), pollOnce(timeout));
    long elapsed = System.nanoTime() - start;
    assertTrue(elapsed >= timeout, "the poll after the woken one returned after " + elapsed + " ns");
  }
}

package asyncigo.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.spi.PollAcceptor;
import asyncigo.api.spi.PollKey;
import asyncigo.api.spi.PollStream;
import asyncigo.api.spi.Poller;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@link PollKey} a registration returns: what it tells, how its interest changes are queued
 * and coalesced until the next poll, and its lifecycle (cancel, close).
 *
 * @since 0.1
 */
public interface PollerContractKeys extends PollerContractFixture {
  @Test
  default void aKeyNamesItsChannelAttachmentAndInterestUntilCancelled() throws IOException {
    Poller.PipeEnds ends = pipe();
    Object attachment = new Object();
    PollKey key = poller().register(ends.source(), Poller.READ, attachment);
    assertSame(ends.source(), key.channel());
    assertSame(attachment, key.attachment());
    assertEquals(Poller.READ, key.interest());
    assertTrue(key.isValid());
    key.cancel();
    assertFalse(key.isValid());
    assertEquals(0, key.interest());
    assertSame(ends.source(), key.channel(), "a cancelled key still names its channel");
  }

  @Test
  default void interestChangesThatCancelOutBetweenTwoPollsCostNoOsUpdate() throws IOException {
    Poller.PipeEnds ends = pipe();
    long start = poller().interestUpdates();
    PollKey key = poller().register(ends.source(), Poller.READ, "source");
    assertEquals(start, poller().interestUpdates(), "registering only queues the interest set");
    pollOnce(0);
    assertEquals(start + 1, poller().interestUpdates(), "the poll applied it");
    for (int i = 0; i < 5; i++) {
      key.interest(0);
      key.interest(Poller.READ);
    }
    pollOnce(0);
    assertEquals(start + 1, poller().interestUpdates(), "READ, 0, ..., READ is no change");
    key.interest(0);
    key.interest(Poller.READ);
    key.interest(0);
    pollOnce(0);
    pollOnce(0);
    assertEquals(start + 2, poller().interestUpdates(), "READ to 0 is one update");
  }

  @Test
  default void severalInterestChangesBetweenTwoPollsCostOneOsUpdate() throws IOException {
    PollAcceptor acceptor = closeAfterTest(poller().listen(anyLoopbackPort(), 8));
    PollStream client = connected(addressOf(acceptor));
    accepted(acceptor);
    PollKey key = poller().register(client, Poller.READ, "client");
    pollOnce(0);
    long before = poller().interestUpdates();
    key.interest(Poller.WRITE);
    key.interest(0);
    key.interest(Poller.READ | Poller.WRITE);
    assertEquals(before, poller().interestUpdates(), "nothing is applied before the poll");
    assertEquals(List.of(new Ready("client", Poller.WRITE)), pollOnce(0));
    assertEquals(before + 1, poller().interestUpdates());
  }

  /** A change made inside the sink filters what the same poll hands over afterwards. */
  @Test
  default void interestWithdrawnByTheSinkIsNotReportedLaterInTheSamePoll() throws IOException {
    Poller.PipeEnds first = pipe();
    Poller.PipeEnds second = pipe();
    PollKey firstKey = poller().register(first.sink(), Poller.WRITE, "first");
    PollKey secondKey = poller().register(second.sink(), Poller.WRITE, "second");
    List<Object> seen = new ArrayList<>();
    int count =
        poller()
            .poll(
                0,
                (attachment, ops) -> {
                  seen.add(attachment);
                  (attachment.equals("first") ? secondKey : firstKey).interest(0);
                });
    assertEquals(1, seen.size(), "reported: " + seen);
    assertEquals(1, count);
    assertEquals(
        List.of(new Ready(seen.get(0), Poller.WRITE)),
        pollOnce(0),
        "the next poll reports only the key that kept its interest");
  }

  @Test
  default void closingTheChannelInvalidatesItsKeyAndCancelAfterwardsIsHarmless()
      throws IOException {
    Poller.PipeEnds ends = pipe();
    PollKey key = poller().register(ends.sink(), Poller.WRITE, "sink");
    ends.sink().close();
    assertFalse(key.isValid());
    key.cancel();
    key.interest(Poller.WRITE);
    assertEquals(0, key.interest());
    assertEquals(List.of(), pollOnce(0));
  }

  @Test
  default void cancelThenCloseReleasesTheChannelAndNothingIsReported() throws IOException {
    Poller.PipeEnds ends = pipe();
    PollKey key = poller().register(ends.sink(), Poller.WRITE, "sink");
    assertEquals(List.of(new Ready("sink", Poller.WRITE)), pollOnce(0));
    key.cancel();
    ends.sink().close();
    key.cancel();
    assertFalse(ends.sink().isOpen());
    assertEquals(List.of(), pollOnce(0));
  }

  @Test
  default void closingThePollerInvalidatesItsKeys() throws IOException {
    Poller.PipeEnds ends = pipe();
    PollKey key = poller().register(ends.sink(), Poller.WRITE, "sink");
    poller().close();
    assertFalse(key.isValid());
    key.interest(Poller.READ);
    key.cancel();
    assertEquals(0, key.interest());
    assertTrue(ends.sink().isOpen(), "the channel stays open");
  }
}

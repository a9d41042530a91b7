package asyncigo.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.spi.PollAcceptor;
import asyncigo.api.spi.PollKey;
import asyncigo.api.spi.PollStream;
import asyncigo.api.spi.Poller;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Level-triggered readiness: what is reported, for which interest set, and with which attachment.
 *
 * @since 0.1
 */
public interface PollerContractReadiness extends PollerContractFixture {
  @Test
  default void aReadablePipeIsReportedOnEveryPollUntilDrained() throws IOException {
    Poller.PipeEnds ends = pipe();
    poller().register(ends.source(), Poller.READ, "source");
    send(ends.sink(), "abc");
    for (int i = 0; i < 3; i++) {
      assertEquals(List.of(new Ready("source", Poller.READ)), pollOnce(0), "poll " + i);
    }
    assertEquals(3, ends.source().read(ByteBuffer.allocate(8)));
    assertEquals(List.of(), pollOnce(0), "a drained pipe is not readable");
  }

  @Test
  default void theSinkReceivesTheAttachmentGivenToRegister() throws IOException {
    Poller.PipeEnds first = pipe();
    Poller.PipeEnds second = pipe();
    Object firstAttachment = new Object();
    Object secondAttachment = new Object();
    poller().register(first.sink(), Poller.WRITE, firstAttachment);
    poller().register(second.sink(), Poller.WRITE, secondAttachment);
    Map<Object, Integer> seen = new HashMap<>();
    int count = poller().poll(0, (attachment, ops) -> seen.merge(attachment, ops, Integer::sum));
    assertEquals(2, count);
    // Plain objects are equal only to themselves: the sink got the very objects registered.
    assertEquals(Map.of(firstAttachment, Poller.WRITE, secondAttachment, Poller.WRITE), seen);
  }

  @Test
  default void interestZeroStopsReportsUntilReadInterestIsRestored() throws IOException {
    Poller.PipeEnds ends = pipe();
    PollKey key = poller().register(ends.source(), Poller.READ, "source");
    send(ends.sink(), "x");
    assertEquals(List.of(new Ready("source", Poller.READ)), pollOnce(0));
    key.interest(0);
    assertEquals(List.of(), pollOnce(0));
    key.interest(Poller.READ);
    assertEquals(List.of(new Ready("source", Poller.READ)), pollOnce(0));
  }

  @Test
  default void changingInterestToWriteReportsWritability() throws IOException {
    Poller.PipeEnds ends = pipe();
    PollKey key = poller().register(ends.sink(), 0, "sink");
    assertEquals(List.of(), pollOnce(0));
    key.interest(Poller.WRITE);
    assertEquals(List.of(new Ready("sink", Poller.WRITE)), pollOnce(0));
  }

  /** An idle connected socket is writable, not readable; once the peer writes it is both. */
  @Test
  default void onlyTheReadyOperationsOfTheInterestSetAreReported() throws IOException {
    PollAcceptor acceptor = closeAfterTest(poller().listen(anyLoopbackPort(), 8));
    PollStream client = connected(addressOf(acceptor));
    PollStream server = accepted(acceptor);

    PollKey key = poller().register(client, Poller.READ | Poller.WRITE, "client");
    assertEquals(List.of(new Ready("client", Poller.WRITE)), pollOnce(0));
    send(server, "ping");
    assertEquals(Poller.READ | Poller.WRITE, pollUntilReported("client", Poller.READ));
    key.interest(Poller.READ);
    assertEquals(List.of(new Ready("client", Poller.READ)), pollOnce(0));
  }

  @Test
  default void cancellingTheKeyStopsReports() throws IOException {
    Poller.PipeEnds ends = pipe();
    PollKey key = poller().register(ends.source(), Poller.READ, "source");
    send(ends.sink(), "x");
    assertEquals(List.of(new Ready("source", Poller.READ)), pollOnce(0));
    key.cancel();
    assertEquals(List.of(), pollOnce(0));
    assertTrue(ends.source().isOpen(), "cancel leaves the channel open");
  }

  @Test
  default void aChannelCanBeRegisteredAgainAfterCancelWithANewAttachment() throws IOException {
    Poller.PipeEnds ends = pipe();
    PollKey before = poller().register(ends.source(), Poller.READ, "before");
    send(ends.sink(), "x");
    before.cancel();
    PollKey after = poller().register(ends.source(), Poller.READ, "after");
    assertEquals(List.of(new Ready("after", Poller.READ)), pollOnce(0));
    before.interest(0);
    before.cancel();
    assertTrue(after.isValid(), "the old key's calls leave the new key alone");
    assertEquals(List.of(new Ready("after", Poller.READ)), pollOnce(0));
  }

  @Test
  default void interestAndCancelOnAnInvalidKeyDoNothing() throws IOException {
    Poller.PipeEnds ends = pipe();
    send(ends.sink(), "x");
    PollKey cancelled = poller().register(ends.source(), Poller.READ, "cancelled");
    cancelled.cancel();
    cancelled.interest(Poller.READ);
    cancelled.cancel();
    assertEquals(0, cancelled.interest(), "an invalid key's interest set reads 0");
    assertEquals(List.of(), pollOnce(0));

    PollKey closed = poller().register(ends.source(), Poller.READ, "closed");
    ends.source().close();
    closed.interest(Poller.READ);
    closed.cancel();
    assertEquals(List.of(), pollOnce(0));
  }

  /** A full pipe accepts nothing (write returns 0) and is writable again once the reader drains. */
  @Test
  default void aFullPipeWritesZeroAndIsReportedWritableOnceDrained() throws IOException {
    Poller.PipeEnds ends = pipe();
    poller().register(ends.sink(), Poller.WRITE, "sink");
    ByteBuffer chunk = ByteBuffer.allocate(8192);
    long written = 0;
    int n;
    do {
      chunk.clear();
      n = ends.sink().write(chunk);
      written += n;
    } while (n > 0);
    assertTrue(written > 0, "an empty pipe accepts bytes");
    assertEquals(List.of(), pollOnce(0), "a full pipe is not writable");

    ByteBuffer drain = ByteBuffer.allocate(8192);
    long read = 0;
    while (read < written) {
      drain.clear();
      int got = ends.source().read(drain);
      assertTrue(got > 0, "the reader gets every byte written, got " + read + " of " + written);
      read += got;
    }
    assertEquals(0, ends.source().read(drain.clear()), "an empty pipe reads 0");
    assertEquals(List.of(new Ready("sink", Poller.WRITE)), pollOnce(0));
  }
}

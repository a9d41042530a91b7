package asyncigo.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.spi.PollChannel;
import asyncigo.api.spi.PollKey;
import asyncigo.api.spi.Poller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Who may be registered, and what closing does: closed channels are refused and never reported,
 * not even later in the poll during which the sink closed them, nor through a descriptor number
 * that a new channel reuses.
 *
 * @since 0.1
 */
public interface PollerContractRegistration extends PollerContractFixture {
  @Test
  default void registeringAClosedChannelThrowsClosedChannelException() throws IOException {
    Poller.PipeEnds ends = pipe();
    ends.source().close();
    assertFalse(ends.source().isOpen());
    assertThrows(
        ClosedChannelException.class,
        () -> poller().register(ends.source(), Poller.READ, "source"));
  }

  @Test
  default void registeringARegisteredChannelAgainThrowsIllegalArgumentException()
      throws IOException {
    Poller.PipeEnds ends = pipe();
    PollKey first = poller().register(ends.source(), Poller.READ, "first");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> poller().register(ends.source(), Poller.READ, "second"));
    assertTrue(
        e.getMessage().startsWith("channel is already registered"), "message: " + e.getMessage());
    assertTrue(first.isValid(), "the refused registration leaves the first key valid");
    assertEquals("first", first.attachment());
  }

  @Test
  default void registeringAChannelThisPollerDidNotMakeThrowsIllegalArgumentException()
      throws IOException {
    try (Poller other = provider().open()) {
      Poller.PipeEnds foreign = other.pipe();
      closeAfterTest(foreign.source());
      closeAfterTest(foreign.sink());
      assertThrows(
          IllegalArgumentException.class,
          () -> poller().register(foreign.source(), Poller.READ, "foreign"));
    }
    PollChannel stranger =
        new PollChannel() {
          @Override
          public boolean isOpen() {
            return true;
          }

          @Override
          public Optional<SocketAddress> localAddress() {
            return Optional.empty();
          }

          @Override
          public void close() {}
        };
    assertThrows(
        IllegalArgumentException.class,
        () -> poller().register(stranger, Poller.READ, "stranger"));
  }

  @Test
  default void anInterestSetWithUnknownBitsIsRejected() throws IOException {
    Poller.PipeEnds ends = pipe();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> poller().register(ends.source(), 4, "source"));
    assertFalse(e.getMessage() == null || e.getMessage().isEmpty(), "the message says why");
    PollKey key = poller().register(ends.source(), Poller.READ, "source");
    assertThrows(IllegalArgumentException.class, () -> key.interest(Poller.READ | 8));
    assertEquals(Poller.READ, key.interest(), "a refused interest set changes nothing");
  }

  @Test
  default void closingARegisteredChannelMeansItIsNeverReportedAgain() throws IOException {
    Poller.PipeEnds ends = pipe();
    poller().register(ends.source(), Poller.READ, "source");
    poller().register(ends.sink(), Poller.WRITE, "sink");
    send(ends.sink(), "x");
    ends.source().close();
    ends.source().close();
    assertEquals(List.of(new Ready("sink", Poller.WRITE)), pollOnce(0));
    ends.sink().close();
    assertEquals(List.of(), pollOnce(0));
    assertEquals(List.of(), pollOnce(0));
  }

  /** The sink closes the other of two ready channels: the closed one is not handed over. */
  @Test
  default void aChannelClosedByTheSinkIsNotReportedLaterInTheSamePoll() throws IOException {
    Poller.PipeEnds first = pipe();
    Poller.PipeEnds second = pipe();
    poller().register(first.sink(), Poller.WRITE, first);
    poller().register(second.sink(), Poller.WRITE, second);
    List<Object> seen = new ArrayList<>();
    int count =
        poller()
            .poll(
                0,
                (attachment, ops) -> {
                  seen.add(attachment);
                  closeUnchecked((attachment == first ? second : first).sink());
                });
    assertEquals(1, seen.size(), "reported: " + seen);
    assertEquals(1, count);
  }

  /** The sink cancels the key of the other of two ready channels: it is not handed over. */
  @Test
  default void aKeyCancelledByTheSinkIsNotReportedLaterInTheSamePoll() throws IOException {
    Poller.PipeEnds first = pipe();
    Poller.PipeEnds second = pipe();
    PollKey firstKey = poller().register(first.sink(), Poller.WRITE, first);
    PollKey secondKey = poller().register(second.sink(), Poller.WRITE, second);
    List<Object> seen = new ArrayList<>();
    int count =
        poller()
            .poll(
                0,
                (attachment, ops) -> {
                  seen.add(attachment);
                  (attachment == first ? secondKey : firstKey).cancel();
                });
    assertEquals(1, seen.size(), "reported: " + seen);
    assertEquals(1, count);
  }

  /**
   * A registered, ready pipe is closed and a new one (which an OS poller gives the same
   * descriptor numbers) is registered: only the new one's own readiness is ever reported, with
   * its own attachment. Tried with and without a poll between the close and the reopen.
   */
  @Test
  default void aDescriptorNumberReusedAfterCloseIsReportedForTheNewChannelOnly()
      throws IOException {
    for (boolean pollBetween : new boolean[] {false, true}) {
      Poller.PipeEnds old = pipe();
      poller().register(old.source(), Poller.READ, "old");
      send(old.sink(), "stale");
      old.source().close();
      old.sink().close();
      if (pollBetween) {
        assertEquals(List.of(), pollOnce(0));
      }
      Poller.PipeEnds fresh = pipe();
      poller().register(fresh.source(), Poller.READ, "new");
      assertEquals(List.of(), pollOnce(0), "nothing written to the new pipe yet");
      send(fresh.sink(), "fresh");
      assertEquals(List.of(new Ready("new", Poller.READ)), pollOnce(0));
      fresh.source().close();
      fresh.sink().close();
    }
  }

  private static void closeUnchecked(PollChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

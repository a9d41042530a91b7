package asyncigo.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import asyncigo.api.spi.PollAcceptor;
import asyncigo.api.spi.PollStream;
import asyncigo.api.spi.Poller;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What lets several loops serve one port: a stream accepted by one poller is adopted by another
 * of the same backend ({@link Poller#adopt}), and, where the backend says the kernel balances,
 * sockets share a port ({@link Poller#listen(InetSocketAddress, int, boolean)}).
 */
public interface PollerContractSharing extends PollerContractFixture {
  @Test
  default void aStreamAcceptedByOnePollerIsAdoptedByAnotherAndCarriesBytesBothWays()
      throws IOException {
    PollAcceptor acceptor = closeAfterTest(poller().listen(anyLoopbackPort(), 8));
    try (Socket peer = new Socket()) {
      peer.connect(addressOf(acceptor));
      PollStream accepted = accepted(acceptor);
      try (Poller other = provider().open()) {
        PollStream adopted = closeAfterTest(other.adopt(accepted));
        assertEquals(peer.getLocalSocketAddress(), adopted.remoteAddress().orElseThrow());
        other.register(adopted, Poller.READ, "adopted");
        peer.getOutputStream().write("ping".getBytes(StandardCharsets.UTF_8));
        assertEquals("ping", receiveOn(other, adopted, "adopted", 4));
        send(adopted, "pong");
        byte[] reply = peer.getInputStream().readNBytes(4);
        assertEquals("pong", new String(reply, StandardCharsets.UTF_8));
      }
    }
  }

  @Test
  default void adoptingARegisteredStreamIsRefused() throws IOException {
    PollAcceptor acceptor = closeAfterTest(poller().listen(anyLoopbackPort(), 8));
    try (Socket peer = new Socket()) {
      peer.connect(addressOf(acceptor));
      PollStream accepted = accepted(acceptor);
      poller().register(accepted, Poller.READ, "accepted");
      try (Poller other = provider().open()) {
        IllegalArgumentException refused =
            assertThrows(IllegalArgumentException.class, () -> other.adopt(accepted));
        assertTrue(
            refused.getMessage().startsWith("a stream registered with a poller cannot be adopted"),
            refused.getMessage());
      }
    }
  }

  @Test
  default void adoptingAClosedStreamThrowsClosedChannelException() throws IOException {
    PollAcceptor acceptor = closeAfterTest(poller().listen(anyLoopbackPort(), 8));
    try (Socket peer = new Socket()) {
      peer.connect(addressOf(acceptor));
      PollStream accepted = accepted(acceptor);
      accepted.close();
      try (Poller other = provider().open()) {
        assertThrows(ClosedChannelException.class, () -> other.adopt(accepted));
      }
    }
  }

  @Test
  default void aPipeEndCannotBeAdopted() throws IOException {
    Poller.PipeEnds ends = pipe();
    try (Poller other = provider().open()) {
      assertThrows(IllegalArgumentException.class, () -> other.adopt(ends.source()));
    }
  }

  /**
   * Where the kernel balances, two sockets share one port and each accepts some of 32
   * connections (all going to one would happen with probability 2^-31); elsewhere sharing is
   * refused with a message naming the backend.
   */
  @Test
  default void socketsThatShareAPortEachAcceptSomeOfItsConnectionsWhereTheKernelBalances()
      throws IOException {
    if (!poller().balancesSharedPorts()) {
      UnsupportedOperationException refused =
          assertThrows(
              UnsupportedOperationException.class,
              () -> poller().listen(anyLoopbackPort(), 8, true));
      assertEquals(
          "the " + poller().name() + " poller cannot share a listening port (SO_REUSEPORT)",
          refused.getMessage());
      return;
    }
    PollAcceptor first = closeAfterTest(poller().listen(anyLoopbackPort(), 64, true));
    InetSocketAddress port = addressOf(first);
    PollAcceptor second = closeAfterTest(poller().listen(port, 64, true));
    List<Socket> peers = new ArrayList<>();
    try {
      for (int i = 0; i < 32; i++) {
        Socket peer = new Socket();
        peers.add(peer);
        peer.connect(port);
      }
      int[] accepted = acceptAll(32, first, second);
      assertTrue(accepted[0] > 0 && accepted[1] > 0, "each socket accepted some: " + accepted[0]
          + " and " + accepted[1]);
    } finally {
      for (Socket peer : peers) {
        peer.close();
      }
    }
  }

  @Test
  default void aPortBoundWithoutSharingCannotBeShared() throws IOException {
    Assumptions.assumeTrue(
        poller().balancesSharedPorts(), "this backend refuses sharing outright (test above)");
    PollAcceptor alone = closeAfterTest(poller().listen(anyLoopbackPort(), 8));
    assertThrows(BindException.class, () -> poller().listen(addressOf(alone), 8, true));
  }

  /**
   * Accepts on both acceptors (each accepted stream closed after the test) until {@code total}
   * connections came; how many each accepted. Fails after {@link #PATIENCE}.
   */
  private int[] acceptAll(int total, PollAcceptor first, PollAcceptor second) throws IOException {
    poller().register(first, Poller.READ, "first");
    poller().register(second, Poller.READ, "second");
    int[] accepted = new int[2];
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (accepted[0] + accepted[1] < total) {
      if (System.nanoTime() - deadline > 0) {
        fail("accepted " + accepted[0] + " + " + accepted[1] + " of " + total + " connections");
      }
      pollOnce(100_000_000L);
      for (int i = 0; i < 2; i++) {
        PollAcceptor acceptor = i == 0 ? first : second;
        for (PollStream s = acceptor.accept(); s != null; s = acceptor.accept()) {
          closeAfterTest(s);
          accepted[i]++;
        }
      }
    }
    return accepted;
  }

  /** {@link #receive} on a poller other than the one under test. */
  private static String receiveOn(Poller poller, PollStream stream, Object attachment, int length)
      throws IOException {
    ByteBuffer bytes = ByteBuffer.allocate(length);
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (bytes.hasRemaining() && System.nanoTime() - deadline < 0) {
      boolean[] ready = {false};
      poller.poll(100_000_000L, (a, ops) -> ready[0] |= a == attachment);
      if (ready[0]) {
        assertTrue(stream.read(bytes) >= 0, "end of stream after " + bytes.position() + " bytes");
      }
    }
    if (bytes.hasRemaining()) {
      fail(bytes.position() + " of " + length + " bytes arrived within " + PATIENCE);
    }
    return new String(bytes.array(), StandardCharsets.UTF_8);
  }
}

package asyncigo.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import asyncigo.api.spi.PollAcceptor;
import asyncigo.api.spi.PollStream;
import asyncigo.api.spi.Poller;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The channels a poller makes: TCP connect, listen and accept on loopback, half-close, end of
 * stream, resets, and pipes. Peers that are not the poller's own are plain {@code java.net}
 * sockets.
 *
 * @since 0.1
 */
public interface PollerContractStreams extends PollerContractFixture {
  /**
   * A refused connect is an error: both bits of the interest set, then a ConnectException that
   * gives the reason alone (the loop adds the address).
   */
  @Test
  default void connectingToAClosedPortReportsBothBitsAndFinishConnectThrowsConnectException()
      throws IOException {
    InetSocketAddress closedPort;
    try (ServerSocket server = new ServerSocket(0, 1, anyLoopbackPort().getAddress())) {
      closedPort = (InetSocketAddress) server.getLocalSocketAddress();
    }
    PollStream client = closeAfterTest(poller().connect(closedPort));
    poller().register(client, Poller.READ | Poller.WRITE, "client");
    assertEquals(Poller.READ | Poller.WRITE, pollUntilReported("client"));
    ConnectException refused = assertThrows(ConnectException.class, client::finishConnect);
    assertEquals("Connection refused", refused.getMessage());
  }

  @Test
  default void acceptReturnsNullWhenNoConnectionIsPending() throws IOException {
    PollAcceptor acceptor = closeAfterTest(poller().listen(anyLoopbackPort(), 8));
    poller().register(acceptor, Poller.READ, "acceptor");
    assertEquals(List.of(), pollOnce(0));
    assertNull(acceptor.accept());
  }

  @Test
  default void listenConnectAndAcceptCarryBytesBothWays() throws IOException {
    PollAcceptor acceptor = closeAfterTest(poller().listen(anyLoopbackPort(), 8));
    InetSocketAddress listening = addressOf(acceptor);
    assertNotEquals(0, listening.getPort(), "port 0 binds a free port");

    PollStream client = connected(listening);
    PollStream server = accepted(acceptor);
    assertNull(acceptor.accept(), "one connection was pending");
    assertTrue(server.finishConnect(), "an accepted socket is connected");
    assertEquals(Optional.of(listening), client.remoteAddress());
    assertEquals(client.localAddress(), server.remoteAddress());

    poller().register(client, Poller.READ, "client");
    poller().register(server, Poller.READ, "server");
    send(client, "ping");
    assertEquals("ping", receive(server, "server", 4));
    send(server, "pong!");
    assertEquals("pong!", receive(client, "client", 5));
  }

  @Test
  default void shutdownOutputMakesThePeerReadEndOfStreamWhileItCanStillWrite()
      throws IOException {
    PollAcceptor acceptor = closeAfterTest(poller().listen(anyLoopbackPort(), 8));
    PollStream client = connected(addressOf(acceptor));
    PollStream server = accepted(acceptor);
    poller().register(client, Poller.READ, "client");
    poller().register(server, Poller.READ, "server");

    send(client, "last words");
    client.shutdownOutput();
    assertEquals("last words", receive(server, "server", 10));
    assertEquals(Poller.READ, pollUntilReported("server"), "end of stream reads as READ");
    assertEquals(-1, server.read(ByteBuffer.allocate(8)));

    send(server, "reply");
    assertEquals("reply", receive(client, "client", 5));
  }

  @Test
  default void aPipeCarriesBytesFromSinkToSource() throws IOException {
    Poller.PipeEnds ends = pipe();
    assertTrue(ends.source().finishConnect(), "a pipe is connected from the start");
    assertTrue(ends.sink().finishConnect(), "a pipe is connected from the start");
    assertEquals(0, ends.source().read(ByteBuffer.allocate(8)), "nothing written yet");
    poller().register(ends.source(), Poller.READ, "source");
    send(ends.sink(), "through the pipe");
    assertEquals("through the pipe", receive(ends.source(), "source", 16));
    assertEquals(0, ends.source().read(ByteBuffer.allocate(8)), "drained");
  }

  @Test
  default void readAfterTheWriterClosesReturnsMinusOneAndTheReaderIsReportedReadable()
      throws IOException {
    Poller.PipeEnds ends = pipe();
    poller().register(ends.source(), Poller.READ, "source");
    send(ends.sink(), "bye");
    ends.sink().close();
    assertEquals("bye", receive(ends.source(), "source", 3));
    assertEquals(List.of(new Ready("source", Poller.READ)), pollOnce(0));
    assertEquals(-1, ends.source().read(ByteBuffer.allocate(8)));
    assertEquals(-1, ends.source().read(ByteBuffer.allocate(8)), "end of stream stays");
  }

  /**
   * The peer closes with SO_LINGER 0, which sends a reset instead of end of stream: the bytes
   * sent before it are read first, then every read throws SocketException "Connection reset",
   * and so does every write.
   */
  @Test
  default void aPeerResetIsThrownAsConnectionResetByEveryReadAfterTheBytesBeforeItAndByWrites()
      throws IOException {
    try (ServerSocket listener = new ServerSocket(0, 1, anyLoopbackPort().getAddress())) {
      PollStream client = connected((InetSocketAddress) listener.getLocalSocketAddress());
      try (Socket peer = listener.accept()) {
        peer.getOutputStream().write("before".getBytes(StandardCharsets.UTF_8));
        peer.setSoLinger(true, 0);
      }
      poller().register(client, Poller.READ, "client");
      assertEquals("before", receive(client, "client", 6));
      for (int i = 0; i < 3; i++) {
        pollUntilReported("client");
        assertConnectionReset(() -> client.read(ByteBuffer.allocate(8)));
      }
      assertConnectionReset(() -> client.write(ByteBuffer.wrap(new byte[] {1})));
    }
  }

  /**
   * A reset that a write meets first is the same reset: reads return the bytes sent before it,
   * then throw it instead of reporting end of stream.
   */
  @Test
  default void aResetAWriteMeetsFirstIsThrownByTheReadsAfterTheBytesBeforeIt()
      throws IOException {
    try (ServerSocket listener = new ServerSocket(0, 1, anyLoopbackPort().getAddress())) {
      PollStream client = connected((InetSocketAddress) listener.getLocalSocketAddress());
      try (Socket peer = listener.accept()) {
        peer.getOutputStream().write("before".getBytes(StandardCharsets.UTF_8));
        peer.setSoLinger(true, 0);
      }
      poller().register(client, Poller.READ, "client");
      assertConnectionReset(() -> writeUntilItFails(client));
      assertEquals("before", receive(client, "client", 6));
      for (int i = 0; i < 3; i++) {
        assertConnectionReset(() -> client.read(ByteBuffer.allocate(8)));
      }
      assertConnectionReset(() -> client.write(ByteBuffer.wrap(new byte[] {1})));
    }
  }

  /**
   * Writes a byte at a time until a write throws, polling in between: a write made before the
   * reset reached this host succeeds. Fails the test if no write throws within {@link #PATIENCE}.
   */
  private void writeUntilItFails(PollStream stream) throws IOException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() - deadline < 0) {
      stream.write(ByteBuffer.wrap(new byte[] {1}));
      pollOnce(Duration.ofMillis(1).toNanos());
    }
    fail("no write failed within " + PATIENCE);
  }

  private static void assertConnectionReset(Executable operation) {
    SocketException e = assertThrows(SocketException.class, operation);
    assertEquals("Connection reset", e.getMessage());
  }
}

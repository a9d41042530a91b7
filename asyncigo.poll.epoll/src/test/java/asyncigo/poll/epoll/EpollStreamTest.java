package asyncigo.poll.epoll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.spi.PollAcceptor;
import asyncigo.api.spi.PollStream;
import asyncigo.api.spi.Poller;
import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The epoll streams beyond the contract: direct buffers, IPv6, socket options, and errors. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class EpollStreamTest extends EpollFixture {
  @Test
  void directBuffersAndSlicesCarryBytesFromAndToTheirPositions() throws IOException {
    PollAcceptor acceptor = closeAfterTest(poller().listen(anyLoopbackPort(), 8));
    PollStream client = connected(addressOf(acceptor));
    PollStream server = accepted(acceptor);
    poller().register(server, Poller.READ, "server");

    ByteBuffer out = ByteBuffer.allocateDirect(64);
    out.put("xxhello worldyy".getBytes(StandardCharsets.US_ASCII)).flip();
    out.position(2).limit(13);
    assertEquals(11, client.write(out.slice(2, 11)), "a slice starts at its own position");
    assertEquals(2, out.position(), "writing a slice leaves the parent alone");
    assertEquals(11, client.write(out));
    assertEquals(13, out.position());

    ByteBuffer in = ByteBuffer.allocateDirect(64);
    in.position(5);
    while (in.position() < 5 + 22) {
      pollUntilReported("server");
      assertTrue(server.read(in) > 0);
    }
    byte[] got = new byte[22];
    in.get(5, got);
    assertEquals("hello worldhello world", new String(got, StandardCharsets.US_ASCII));
    assertEquals(0, server.read(in.limit(in.position())), "a full buffer reads 0");
    assertEquals(0, server.read(in.limit(64)), "nothing more to read");
  }

  @Test
  void aReadOnlyBufferIsRejectedForReading() throws IOException {
    Poller.PipeEnds ends = pipe();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ends.source().read(ByteBuffer.allocateDirect(8).asReadOnlyBuffer()));
    assertTrue(e.getMessage().contains("read-only"), e.getMessage());
  }

  @Test
  void aPipeSourceCannotBeWrittenAndASinkCannotBeRead() throws IOException {
    Poller.PipeEnds ends = pipe();
    assertThrows(NonWritableChannelException.class,
        () -> ends.source().write(ByteBuffer.allocate(1).put(0, (byte) 1)));
    assertThrows(NonReadableChannelException.class, () -> ends.sink().read(ByteBuffer.allocate(1)));
  }

  @Test
  void shutdownOutputOnAPipeSinkMakesTheSourceReadEndOfStream() throws IOException {
    Poller.PipeEnds ends = pipe();
    poller().register(ends.source(), Poller.READ, "source");
    send(ends.sink(), "end");
    ends.sink().shutdownOutput();
    assertEquals("end", receive(ends.source(), "source", 3));
    assertEquals(-1, ends.source().read(ByteBuffer.allocateDirect(8)));
    assertThrows(NonWritableChannelException.class, () -> ends.source().shutdownOutput());
  }

  @Test
  void readAndWriteOnAClosedStreamThrowClosedChannelException() throws IOException {
    Poller.PipeEnds ends = pipe();
    ends.source().close();
    ends.sink().close();
    assertThrows(ClosedChannelException.class, () -> ends.source().read(ByteBuffer.allocate(1)));
    assertThrows(ClosedChannelException.class, () -> ends.sink().write(ByteBuffer.allocate(1)));
  }

  @Test
  void ipv6LoopbackConnectionsWorkAndReportIpv6Addresses() throws IOException {
    InetSocketAddress any6 = new InetSocketAddress(InetAddress.getByName("::1"), 0);
    PollAcceptor acceptor = closeAfterTest(poller().listen(any6, 8));
    InetSocketAddress listening = addressOf(acceptor);
    assertInstanceOf(Inet6Address.class, listening.getAddress());
    PollStream client = connected(listening);
    PollStream server = accepted(acceptor);
    assertEquals(client.localAddress(), server.remoteAddress());
    poller().register(server, Poller.READ, "server");
    send(client, "over v6");
    assertEquals("over v6", receive(server, "server", 7));
  }

  @Test
  void connectedAndAcceptedSocketsHaveTcpNoDelayOn() throws IOException {
    PollAcceptor acceptor = closeAfterTest(poller().listen(anyLoopbackPort(), 8));
    PollStream client = connected(addressOf(acceptor));
    PollStream server = accepted(acceptor);
    Syscalls sys = ((EpollChannel) client).sys;
    for (PollStream stream : new PollStream[] {client, server}) {
      assertEquals(1, sys.intOption(fdOf(stream), LinuxConstants.IPPROTO_TCP,
          LinuxConstants.TCP_NODELAY), stream + " has TCP_NODELAY");
    }
  }

  @Test
  void listeningOnAPortInUseThrowsBindExceptionNamingTheAddress() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      InetSocketAddress address = (InetSocketAddress) taken.getLocalSocketAddress();
      BindException e = assertThrows(BindException.class, () -> poller().listen(address, 8));
      assertEquals("Address already in use: " + address, e.getMessage());
    }
  }

  @Test
  void anUnresolvedAddressIsRejectedWithItsName() {
    InetSocketAddress unresolved = InetSocketAddress.createUnresolved("nowhere.invalid", 80);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> poller().connect(unresolved));
    assertTrue(e.getMessage().contains("nowhere.invalid"), e.getMessage());
  }

  @Test
  void aRefusedConnectSaysConnectionRefusedOnEveryFinishConnect() throws IOException {
    InetSocketAddress closedPort;
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = (InetSocketAddress) server.getLocalSocketAddress();
    }
    PollStream client = closeAfterTest(poller().connect(closedPort));
    poller().register(client, Poller.WRITE, "client");
    pollUntilReported("client");
    for (int i = 0; i < 2; i++) {
      IOException e = assertThrows(java.net.ConnectException.class, client::finishConnect);
      assertEquals("Connection refused", e.getMessage());
    }
  }

  /** The JVM ignores SIGPIPE, so writing to a closed peer is an exception, not a dead process. */
  @Test
  void writingToAPeerThatWentAwayThrowsAnIOExceptionNamingTheError() throws IOException {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      PollStream client = connected((InetSocketAddress) listener.getLocalSocketAddress());
      try (Socket peer = listener.accept()) {
        peer.setSoLinger(true, 0);
      }
      poller().register(client, Poller.READ, "client");
      pollUntilReported("client");
      ByteBuffer chunk = ByteBuffer.allocateDirect(1024);
      IOException e = assertThrows(IOException.class, () -> {
        while (true) {
          client.write(chunk.clear());
        }
      });
      String message = e.getMessage().toLowerCase(Locale.ROOT);
      assertTrue(message.contains("reset") || message.contains("broken pipe"), e.getMessage());
    }
  }
}

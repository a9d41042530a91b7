package asyncigo.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.Async;
import asyncigo.api.CancelledException;
import asyncigo.api.Future;
import asyncigo.api.Promise;
import asyncigo.api.Task;
import asyncigo.api.UnhandledFailure;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.Server;
import asyncigo.api.net.StreamClosedException;
import asyncigo.api.sync.Timeout;
import asyncigo.api.sync.TimeoutExceededException;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The connection tests of the transport contract: servers, connecting, peer resets and
 * half-close. Run through {@link TransportContract}, which extends it.
 *
 * @since 0.1
 */
public abstract class TransportConnectionContract extends TransportScaleContract {
  private static final String LOOPBACK = "127.0.0.1";

  // ------------------------------------------------------------------------------- servers

  @Test
  public void aServerOnPortZeroReportsItsPortAndServesEachPeerInATaskNamedAfterIt() {
    run(
        loop -> {
          List<String> handlerTasks = new ArrayList<>();
          Server server =
              loop.listen(
                  LOOPBACK,
                  0,
                  s -> {
                    handlerTasks.add(Async.currentTask().name());
                    echo(s);
                  });
          int port = server.localAddress().getPort();
          assertTrue(port > 0, "bound port " + port);
          List<AsyncStream> clients = new ArrayList<>();
          for (int i = 0; i < 3; i++) {
            AsyncStream c = loop.connect(LOOPBACK, port);
            c.write(bytes("hello " + i)).await();
            assertEquals("hello " + i, text(c.readExactly(7)));
            clients.add(c);
          }
          assertEquals(3, server.connections());
          assertEquals(3, new HashSet<>(handlerTasks).size());
          for (int i = 0; i < 3; i++) {
            int clientPort = ((InetSocketAddress) clients.get(i).localAddress().get()).getPort();
            String name = handlerTasks.get(i);
            assertTrue(name.contains(":" + clientPort), name + " names the peer");
            clients.get(i).close();
          }
          eventually(loop, () -> server.connections() == 0, "every handler returned");
          server.close();
          return null;
        });
  }

  @Test
  public void theStreamIsClosedWhenTheHandlerReturnsAfterWhatItWroteIsSent() {
    run(
        loop -> {
          Server server = loop.listen(LOOPBACK, 0, s -> s.write(new byte[1 << 20]));
          AsyncStream client = loop.connect(LOOPBACK, server.localAddress().getPort());
          assertEquals(1 << 20, client.readAll().length);
          client.close();
          server.close();
          return null;
        });
  }

  @Test
  public void aFailingHandlerIsReportedToTheLoopsExceptionHandler() {
    List<UnhandledFailure> unhandled = Collections.synchronizedList(new ArrayList<>());
    runCollecting(
        loop -> {
          Server server =
              loop.listen(
                  LOOPBACK,
                  0,
                  s -> {
                    throw new IllegalStateException("handler failed on purpose");
                  });
          AsyncStream client = loop.connect(LOOPBACK, server.localAddress().getPort());
          assertNull(client.read(1), "the failed handler's stream was closed");
          eventually(loop, () -> server.connections() == 0, "the handler ended");
          client.close();
          server.close();
          return null;
        },
        unhandled);
    assertEquals(1, unhandled.size(), unhandled.toString());
    assertEquals("handler failed on purpose", unhandled.get(0).exception().getMessage());
  }

  @Test
  public void closeStopsAcceptingWhileAcceptedConnectionsGoOn() {
    run(
        loop -> {
          Server server = loop.listen(LOOPBACK, 0, TransportFixture::echo);
          int port = server.localAddress().getPort();
          AsyncStream client = loop.connect(LOOPBACK, port);
          client.write(bytes("1")).await();
          assertEquals("1", text(client.readExactly(1)));
          server.close();
          server.close();
          assertThrows(ConnectException.class, () -> loop.connect(LOOPBACK, port));
          client.write(bytes("2")).await();
          assertEquals("2", text(client.readExactly(1)));
          client.close();
          eventually(loop, () -> server.connections() == 0, "the handler returned");
          return null;
        });
  }

  @Test
  public void closeAllClosesOpenConnectionsAndCancelsTheirHandlers() {
    run(
        loop -> {
          Promise<Void> started = loop.newFuture();
          Promise<Throwable> ended = loop.newFuture();
          Server server =
              loop.listen(
                  LOOPBACK,
                  0,
                  s -> {
                    started.complete(null);
                    try {
                      s.readAll();
                    } catch (Throwable t) {
                      ended.complete(t);
                      throw t;
                    }
                  });
          AsyncStream client = loop.connect(LOOPBACK, server.localAddress().getPort());
          started.await();
          server.closeAll();
          assertEquals(0, server.connections());
          assertInstanceOf(CancelledException.class, ended.await());
          assertNull(client.read(1), "the server closed its end");
          client.close();
          return null;
        });
  }

  @Test
  public void serveForeverReturnsOnCloseAndCancellingItClosesTheServer() {
    run(
        loop -> {
          Server first = loop.listen(LOOPBACK, 0, TransportFixture::echo);
          Task<Void> serving = loop.spawn(() -> serveForever(first));
          untilSuspended(loop, serving);
          first.close();
          serving.await();

          Server second = loop.listen(LOOPBACK, 0, TransportFixture::echo);
          Task<Void> cancelled = loop.spawn(() -> serveForever(second));
          untilSuspended(loop, cancelled);
          cancelled.cancel();
          assertThrows(CancelledException.class, cancelled::await);
          int port = second.localAddress().getPort();
          assertThrows(ConnectException.class, () -> loop.connect(LOOPBACK, port));
          return null;
        });
  }

  @Test
  public void bothEndsOfAConnectionReportMatchingAddresses() {
    run(
        loop -> {
          Promise<AsyncStream> accepted = loop.newFuture();
          Server server =
              loop.listen(
                  LOOPBACK,
                  0,
                  s -> {
                    accepted.complete(s);
                    loop.newFuture().await();
                  });
          AsyncStream client = loop.connect(LOOPBACK, server.localAddress().getPort());
          AsyncStream served = accepted.await();
          assertEquals(server.localAddress(), client.remoteAddress().orElseThrow());
          assertEquals(client.localAddress().orElseThrow(), served.remoteAddress().orElseThrow());
          assertEquals(client.remoteAddress().orElseThrow(), served.localAddress().orElseThrow());
          client.close();
          server.closeAll();
          return null;
        });
  }

  // ---------------------------------------------------------------------------- connecting

  /** The message names the address once, whichever poller found the refusal. */
  @Test
  public void connectingToAPortNobodyListensOnIsRefused() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
      port = probe.getLocalPort();
    }
    run(
        loop -> {
          ConnectException e =
              assertThrows(ConnectException.class, () -> loop.connect(LOOPBACK, port));
          assertEquals("Connection refused: /127.0.0.1:" + port, e.getMessage());
          return null;
        });
  }

  @Test
  public void anUnknownHostFailsWithUnknownHostException() {
    run(
        loop -> {
          assertThrows(UnknownHostException.class, () -> loop.connect("no-such-host.invalid", 80));
          return null;
        });
  }

  @Test
  public void connectTakesHostColonPortAndResolvesNamesOffTheLoop() {
    run(
        loop -> {
          Server server = loop.listen(LOOPBACK, 0, TransportFixture::echo);
          int port = server.localAddress().getPort();
          for (AsyncStream client :
              List.of(loop.connect(LOOPBACK + ":" + port), loop.connect("localhost", port))) {
            client.write(bytes("ping")).await();
            assertEquals("ping", text(client.readExactly(4)));
            client.close();
          }
          server.close();
          return null;
        });
  }

  @Test
  public void connectTakesABracketedIpv6Literal() {
    run(
        loop -> {
          Server server;
          try {
            server = loop.listen("::1", 0, TransportFixture::echo);
          } catch (IOException e) {
            Assumptions.abort("no IPv6 loopback here: " + e);
            return null;
          }
          AsyncStream client = loop.connect("[::1]:" + server.localAddress().getPort());
          client.write(bytes("v6")).await();
          assertEquals("v6", text(client.readExactly(2)));
          client.close();
          server.close();
          return null;
        });
  }

  @Test
  public void aConnectThatHangsIsCutShortByATimeoutAndLeavesNoSocketOpen() {
    Path fds = Path.of("/proc/self/fd");
    run(
        loop -> {
          try (ServerSocket blackHole = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            List<SocketChannel> queued = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
              SocketChannel c = SocketChannel.open();
              c.configureBlocking(false);
              c.connect(blackHole.getLocalSocketAddress());
              queued.add(c);
            }
            long before = Files.isDirectory(fds) ? openDescriptors(fds) : 0;
            int port = blackHole.getLocalPort();
            assertThrows(
                TimeoutExceededException.class,
                () ->
                    Timeout.failAfter(
                        Duration.ofMillis(200), timeout -> loop.connect(LOOPBACK, port)));
            if (Files.isDirectory(fds)) {
              eventually(
                  loop,
                  () -> openDescriptorsUnchecked(fds) == before,
                  "the abandoned socket's descriptor is released");
            }
            for (SocketChannel c : queued) {
              c.close();
            }
          }
          return null;
        });
  }

  @Test
  public void malformedAddressesAreRejectedNamingTheInput() {
    run(
        loop -> {
          for (String bad :
              List.of("no-port", "[::1]80", "::1:80", "host:99999", ":80", "host:", "host:8o")) {
            IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> loop.connect(bad), bad);
            assertTrue(e.getMessage().contains(bad), e.getMessage());
          }
          assertThrows(IllegalArgumentException.class, () -> loop.connect(LOOPBACK, 0));
          assertThrows(IllegalArgumentException.class, () -> loop.connect(LOOPBACK, 65536));
          return null;
        });
  }

  // ---------------------------------------------------------------- half-close and resets

  @Test
  public void aClientThatShutsItsOutputStillReadsTheReply() {
    run(
        loop -> {
          Server server =
              loop.listen(
                  LOOPBACK, 0, s -> s.write(bytes("got " + s.readAll().length + " bytes")));
          AsyncStream client = loop.connect(LOOPBACK, server.localAddress().getPort());
          client.write(new byte[100_000]);
          client.shutdownOutput();
          assertThrows(StreamClosedException.class, () -> client.write(bytes("more")));
          assertEquals("got 100000 bytes", text(client.readAll()));
          client.close();
          server.close();
          return null;
        });
  }

  @Test
  public void aServerThatShutsItsOutputStillReadsTheClient() {
    run(
        loop -> {
          Promise<byte[]> fromClient = loop.newFuture();
          Server server =
              loop.listen(
                  LOOPBACK,
                  0,
                  s -> {
                    s.write(bytes("hello"));
                    s.shutdownOutput();
                    fromClient.complete(s.readAll());
                  });
          AsyncStream client = loop.connect(LOOPBACK, server.localAddress().getPort());
          assertEquals("hello", text(client.readAll()));
          client.write(bytes("still here")).await();
          client.shutdownOutput();
          assertEquals("still here", text(fromClient.await()));
          client.close();
          server.close();
          return null;
        });
  }

  @Test
  public void aPeerResetDuringAReadFailsTheRead() {
    run(
        loop -> {
          try (ServerSocket raw = new ServerSocket(0, 50, InetAddress.getByName(LOOPBACK))) {
            Future<Void> peer =
                loop.toThread(
                    () -> {
                      try (BlockingPeer s = accepted(raw)) {
                        s.socket().getOutputStream().write(new byte[100]);
                        if (s.socket().getInputStream().read() < 0) {
                          throw new IOException("the client left before the reset");
                        }
                        s.reset();
                      }
                      return null;
                    });
            AsyncStream client = loop.connect(LOOPBACK, raw.getLocalPort());
            assertEquals(100, client.readExactly(100).length);
            client.write(new byte[] {1});
            IOException e = assertThrows(IOException.class, () -> client.readExactly(100));
            assertFalse(e instanceof EOFException, "a reset is not an end of stream: " + e);
            assertFalse(e instanceof StreamClosedException, "the stream was not closed: " + e);
            peer.await();
            client.close();
          }
          return null;
        });
  }

  @Test
  public void aPeerResetDuringWritesFailsThePendingWritesAndDrain() {
    run(
        loop -> {
          try (ServerSocket raw = new ServerSocket(0, 50, InetAddress.getByName(LOOPBACK))) {
            Future<Void> peer =
                loop.toThread(
                    () -> {
                      try (BlockingPeer s = accepted(raw)) {
                        if (s.socket().getInputStream().read() < 0) {
                          throw new IOException("the client left before the reset");
                        }
                        s.reset();
                      }
                      return null;
                    });
            AsyncStream client = loop.connect(LOOPBACK, raw.getLocalPort());
            client.write(new byte[] {1});
            byte[] chunk = new byte[64 * 1024];
            Future<Void> lastWrite = null;
            IOException failure = null;
            for (int i = 0; i < 2048 && failure == null; i++) {
              lastWrite = client.write(chunk);
              try {
                client.drain();
              } catch (IOException e) {
                failure = e;
              }
            }
            assertNotNull(failure, "128 MiB of writes to a reset peer never failed");
            assertFalse(failure instanceof StreamClosedException, "not closed: " + failure);
            assertEquals(Future.State.FAILED, lastWrite.state());
            assertInstanceOf(IOException.class, lastWrite.exceptionNow());
            peer.await();
            client.close();
          }
          return null;
        });
  }

  // ------------------------------------------------------------------------------- helpers

  private static Void serveForever(Server server) {
    server.serveForever();
    return null;
  }
}

package asyncigo.loop.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.CancelledException;
import asyncigo.api.Loop;
import asyncigo.api.LoopOptions;
import asyncigo.api.Task;
import asyncigo.api.UnhandledFailure;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.Server;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Connecting to several addresses of one name (happy eyeballs), on loopback addresses: 127.0.0.2
 * has the server, 127.0.0.1 refuses (nothing listens on the port) or swallows the connect (a
 * listener whose backlog is full drops the SYN), 127.0.0.3 refuses. Real time: the stagger is the
 * subject.
 */
class ConnectorTest {
  private static final InetAddress FIRST = address("127.0.0.1");
  private static final InetAddress SERVED = address("127.0.0.2");
  private static final InetAddress REFUSING = address("127.0.0.3");

  @Test
  void aRefusedAttemptHandsOverToTheNextAddressWithoutWaitingForTheStagger() {
    try (Loop loop = openLoop()) {
      loop.run(
          () -> {
            Server server = loop.listen(SERVED.getHostAddress(), 0, s -> s.write(s.readAll()));
            int port = server.localAddress().getPort();
            long start = loop.time();
            AsyncStream stream = network(loop).connect(List.of(FIRST, SERVED), port);
            long elapsed = loop.time() - start;
            assertEquals(new InetSocketAddress(SERVED, port), stream.remoteAddress().get());
            assertTrue(
                elapsed < Connector.STAGGER.toNanos(),
                "connected after " + Duration.ofNanos(elapsed) + ", not after the stagger");
            stream.close();
            server.close();
            return null;
          });
    }
  }

  @Test
  void aHangingAttemptIsOvertakenAfterTheStaggerAndClosed() throws IOException {
    try (Loop loop = openLoop()) {
      loop.run(
          () -> {
            Server server = loop.listen(SERVED.getHostAddress(), 0, s -> s.write(s.readAll()));
            int port = server.localAddress().getPort();
            try (ServerSocket blackHole = new ServerSocket(port, 1, FIRST)) {
              List<SocketChannel> backlog = fillBacklog(blackHole);
              long descriptors = openDescriptors();
              long start = loop.time();
              AsyncStream stream = network(loop).connect(List.of(FIRST, SERVED), port);
              long elapsed = loop.time() - start;
              assertEquals(new InetSocketAddress(SERVED, port), stream.remoteAddress().get());
              assertTrue(
                  elapsed >= Connector.STAGGER.toNanos(),
                  "the second attempt started after " + Duration.ofNanos(elapsed));
              stream.close();
              for (int i = 0; i < 1000 && openDescriptors() != descriptors; i++) {
                loop.sleep(Duration.ofMillis(1));
              }
              assertEquals(descriptors, openDescriptors(), "the losing attempt's socket is closed");
              for (SocketChannel c : backlog) {
                c.close();
              }
            }
            server.close();
            return null;
          });
    }
  }

  @Test
  void cancellingARaceCancelsEveryAttemptAndClosesTheirSockets() throws IOException {
    try (Loop loop = openLoop()) {
      loop.run(
          () -> {
            try (ServerSocket blackHole = new ServerSocket(0, 1, FIRST)) {
              List<SocketChannel> backlog = fillBacklog(blackHole);
              int port = blackHole.getLocalPort();
              long descriptors = openDescriptors();
              Task<AsyncStream> connecting =
                  loop.spawn(() -> network(loop).connect(List.of(FIRST, FIRST), port));
              loop.sleep(Connector.STAGGER.plusMillis(50));
              assertTrue(connecting.cancel());
              assertThrows(CancelledException.class, connecting::await);
              for (int i = 0; i < 1000 && openDescriptors() != descriptors; i++) {
                loop.sleep(Duration.ofMillis(1));
              }
              assertEquals(descriptors, openDescriptors(), "both attempts' sockets are closed");
              for (SocketChannel c : backlog) {
                c.close();
              }
            }
            return null;
          });
    }
  }

  @Test
  void whenEveryAttemptIsRefusedTheFirstFailureIsThrownWithTheOthersSuppressed() {
    try (Loop loop = openLoop()) {
      loop.run(
          () -> {
            int port;
            try (ServerSocket probe = new ServerSocket(0, 1, FIRST)) {
              port = probe.getLocalPort();
            }
            ConnectException e =
                assertThrows(
                    ConnectException.class,
                    () -> network(loop).connect(List.of(FIRST, REFUSING), port));
            assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
            assertEquals(1, e.getSuppressed().length);
            assertInstanceOf(ConnectException.class, e.getSuppressed()[0]);
            assertTrue(e.getSuppressed()[0].getMessage().contains("127.0.0.3"));
            return null;
          });
    }
  }

  @Test
  void addressFamiliesAlternateStartingWithTheFirst() {
    InetAddress v6a = address("::1");
    InetAddress v6b = address("::2");
    InetAddress v4a = address("10.0.0.1");
    InetAddress v4b = address("10.0.0.2");
    assertEquals(
        List.of(v6a, v4a, v6b, v4b), Connector.interleaved(List.of(v6a, v6b, v4a, v4b)));
    assertEquals(List.of(v4a, v6a, v4b), Connector.interleaved(List.of(v4a, v4b, v6a)));
  }

  private final List<UnhandledFailure> unhandled =
      Collections.synchronizedList(new ArrayList<>());

  /** A loop whose unhandled failures (none are expected) fail the test. */
  private Loop openLoop() {
    return Loop.open(LoopOptions.defaults().exceptionHandler(unhandled::add));
  }

  @AfterEach
  void noneUnhandled() {
    assertEquals(List.of(), unhandled, "failures that reached the exception handler");
  }

  /** Connects until the listener's accept queue is full, so that its next SYN is dropped. */
  private static List<SocketChannel> fillBacklog(ServerSocket listener) throws IOException {
    List<SocketChannel> queued = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      SocketChannel c = SocketChannel.open();
      c.configureBlocking(false);
      c.connect(listener.getLocalSocketAddress());
      queued.add(c);
    }
    return queued;
  }

  private static long openDescriptors() throws IOException {
    try (var entries = Files.list(Path.of("/proc/self/fd"))) {
      return entries.count();
    }
  }

  private static Network network(Loop loop) throws ReflectiveOperationException {
    Field field = loop.getClass().getDeclaredField("network");
    field.setAccessible(true);
    return (Network) field.get(loop);
  }

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}

package asyncigo.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.CancelledException;
import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.LoopGroup;
import asyncigo.api.LoopOptions;
import asyncigo.api.Promise;
import asyncigo.api.Task;
import asyncigo.api.UnhandledFailure;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.GroupServer;
import asyncigo.api.net.Server;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Graceful shutdown: {@link Server#shutdown} on virtual time (a handler that returns within the
 * grace is left alone, one that does not is closed and cancelled when it ends, new connections
 * are refused at once) and {@link GroupServer#shutdown} on a group of two loops, whose servers
 * differ by backend (each loop listening with SO_REUSEPORT, or one loop accepting and handing the
 * connections over). Runs through a one-line subclass per backend.
 */
public abstract class ServerShutdownContract extends LoopGroupFixture {
  private static final String LOOPBACK = "127.0.0.1";
  private static final Duration GRACE = Duration.ofSeconds(10);

  /** Runs {@code body} on a virtual-time loop of the backend; no failure may reach its handler. */
  private <T> T runVirtual(LoopBody<T> body) {
    List<UnhandledFailure> unhandled = new ArrayList<>();
    LoopOptions options =
        LoopOptions.defaults().poller(pollerName()).virtualTime(true)
            .exceptionHandler(unhandled::add);
    T result;
    try (Loop loop = Loop.open(options)) {
      result = loop.run(() -> body.run(loop));
    }
    assertEquals(List.of(), unhandled, "failures that reached the exception handler");
    return result;
  }

  @Test
  public void aHandlerThatReturnsWithinTheGraceIsLeftAloneAndTheShutdownClosesNothing() {
    runVirtual(loop -> {
      Promise<Long> sleeping = loop.newFuture();
      Server server = loop.listen(LOOPBACK, 0, stream -> {
        stream.readExactly(2);
        sleeping.complete(loop.time());
        loop.sleep(Duration.ofSeconds(1));
        stream.write(bytes("done\n"));
      });
      try (AsyncStream client = loop.connect(LOOPBACK, server.localAddress().getPort())) {
        client.write(bytes("hi")).await();
        long asleepSince = sleeping.await();

        assertEquals(0, server.shutdown(GRACE).await(), "connections closed at the deadline");

        long took = loop.time() - asleepSince;
        assertTrue(took >= Duration.ofSeconds(1).toNanos() && took < GRACE.toNanos(), "" + took);
        assertEquals("done\n", text(client.readLine()));
        assertNull(client.readLine());
        assertEquals(0, server.connections());
      }
      return null;
    });
  }

  @Test
  public void aHandlerStillRunningWhenTheGraceEndsIsCancelledAndItsConnectionClosed() {
    runVirtual(loop -> {
      Promise<Void> started = loop.newFuture();
      List<String> seen = new ArrayList<>();
      Server server = loop.listen(LOOPBACK, 0, stream -> {
        started.complete(null);
        try {
          loop.sleep(Duration.ofHours(1));
        } catch (CancelledException e) {
          seen.add("cancelled");
          throw e;
        }
      });
      try (AsyncStream client = loop.connect(LOOPBACK, server.localAddress().getPort())) {
        started.await();
        long start = loop.time();

        assertEquals(1, server.shutdown(GRACE).await(), "connections closed at the deadline");

        long took = loop.time() - start;
        assertTrue(took >= GRACE.toNanos() && took < Duration.ofHours(1).toNanos(), "" + took);
        assertEquals(1, seen.size(), seen::toString);
        assertNull(client.readLine(), "the server closed the connection");
      }
      return null;
    });
  }

  @Test
  public void newConnectionsAreRefusedAsSoonAsTheShutdownStartsAndServeForeverReturns() {
    runVirtual(loop -> {
      Promise<Void> started = loop.newFuture();
      Server server = loop.listen(LOOPBACK, 0, stream -> {
        started.complete(null);
        loop.newFuture().await();
      });
      int port = server.localAddress().getPort();
      Task<String> serving = loop.spawn(() -> {
        server.serveForever();
        return "returned";
      });
      try (AsyncStream client = loop.connect(LOOPBACK, port)) {
        started.await();

        Future<Integer> done = server.shutdown(GRACE);

        assertEquals("returned", serving.await());
        assertThrows(ConnectException.class, () -> loop.connect(LOOPBACK, port).close());
        assertEquals(1, done.await());
      }
      return null;
    });
  }

  @Test
  public void aSecondShutdownReturnsTheSameFutureAndOnlyASoonerDeadlineCounts() {
    runVirtual(loop -> {
      Promise<Void> started = loop.newFuture();
      Server server = loop.listen(LOOPBACK, 0, stream -> {
        started.complete(null);
        loop.sleep(Duration.ofHours(2));
      });
      try (AsyncStream client = loop.connect(LOOPBACK, server.localAddress().getPort())) {
        started.await();
        long start = loop.time();

        Future<Integer> first = server.shutdown(Duration.ofHours(1));
        assertSame(first, server.shutdown(Duration.ofSeconds(5)));
        assertSame(first, server.shutdown(Duration.ofMinutes(30)));

        assertEquals(1, first.await());
        long took = loop.time() - start;
        assertTrue(took >= Duration.ofSeconds(5).toNanos() && took < GRACE.toNanos(), "" + took);
      }
      return null;
    });
  }

  @Test
  public void aNegativeOrMissingGraceIsRefusedAndTheServerGoesOnAccepting() {
    runVirtual(loop -> {
      Server server = loop.listen(LOOPBACK, 0, stream -> stream.write(bytes("hello")));
      assertEquals(
          "shutdown grace must not be negative: PT-1S",
          assertThrows(IllegalArgumentException.class,
              () -> server.shutdown(Duration.ofSeconds(-1))).getMessage());
      assertThrows(NullPointerException.class, () -> server.shutdown(null));
      try (AsyncStream client = loop.connect(LOOPBACK, server.localAddress().getPort())) {
        assertEquals("hello", text(client.readExactly(5)));
      }
      server.close();
      return null;
    });
  }

  @Test
  public void shutdownFromAnotherThreadIsRefusedBeforeAnythingChanges() {
    runVirtual(loop -> {
      Server server = loop.listen(LOOPBACK, 0, stream -> stream.write(bytes("hello")));
      IllegalStateException refused =
          loop.toThread(() -> assertThrows(IllegalStateException.class,
              () -> server.shutdown(GRACE))).await();
      assertTrue(
          refused.getMessage().startsWith(
              "Server.shutdown is loop-confined: call it on the loop's thread"),
          refused.getMessage());
      try (AsyncStream client = loop.connect(LOOPBACK, server.localAddress().getPort())) {
        assertEquals("hello", text(client.readExactly(5)), "still accepting");
      }
      server.close();
      return null;
    });
  }

  @Test
  public void aGroupShutdownFromALoopCallbackStopsAcceptingLetsQuickHandlersFinishAndClosesTheRest()
      throws Exception {
    try (LoopGroup group = openGroup(2)) {
      GroupServer server = group.listen(LOOPBACK, 0, stream -> {
        stream.write(bytes("ready"));
        byte[] line = stream.readLine();
        if (line != null && text(line).equals("quick\n")) {
          stream.write(bytes("done\n"));
        } else {
          stream.readAll(); // until the shutdown closes it
        }
      });
      CompletableFuture<Void> served =
          CompletableFuture.runAsync(server::serveForever, Thread::startVirtualThread);
      try (Socket quick = client(server.localAddress());
          Socket slow = client(server.localAddress())) {
        assertEquals("ready", receive(quick, 5));
        assertEquals("ready", receive(slow, 5));
        send(slow, "slow\n");

        CompletableFuture<CompletionStage<Integer>> requested = new CompletableFuture<>();
        group.loops().get(0).callSoonThreadsafe(
            () -> requested.complete(server.shutdown(Duration.ofSeconds(2))));
        CompletionStage<Integer> done = requested.get(10, TimeUnit.SECONDS);

        served.get(10, TimeUnit.SECONDS);
        assertTrue(refuses(server), "no loop accepts");
        send(quick, "quick\n");
        assertEquals("done\n", receive(quick, 5), "the quick handler finished in the grace");
        assertEquals(1, done.toCompletableFuture().get(10, TimeUnit.SECONDS), "closed: slow");
        assertEquals(-1, slow.getInputStream().read(), "the slow connection was closed");
        assertEquals(-1, quick.getInputStream().read(), "the quick handler returned");
        assertEquals(0, server.connections());
      }
    }
  }

  /** Whether connecting to the server now fails: refused, or reset from a closing backlog. */
  @SuppressWarnings("try") // the probe only tests whether a connection is accepted
  private static boolean refuses(GroupServer server) throws Exception {
    try (Socket probe = new Socket(LOOPBACK, server.localAddress().getPort())) {
      probe.setSoTimeout(2000);
      return probe.getInputStream().read() == -1;
    } catch (SocketException refusedOrReset) {
      return true;
    }
  }
}

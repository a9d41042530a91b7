package asyncigo.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.CancelledException;
import asyncigo.api.Loop;
import asyncigo.api.LoopGroup;
import asyncigo.api.net.GroupServer;
import asyncigo.api.sync.Cleanup;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Closing a loop group (stop accepting, a grace period for the handlers, then cancel, close and
 * end every thread) and its one exception handler. Runs through a one-line subclass per backend.
 */
public abstract class LoopGroupCloseContract extends LoopGroupFixture {
  private static final String LOOPBACK = "127.0.0.1";
  private static final Path FDS = Path.of("/proc/self/fd");

  @Test
  public void closingTheGroupEndsEveryThreadAndLeavesTheDescriptorCountUnchanged()
      throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(FDS), "needs /proc/self/fd (Linux)");
    serveAndClose(); // warm-up: classes loaded, lazily opened descriptors opened
    long before = openDescriptors(FDS);
    Set<Thread> threadsBefore = groupThreads();
    Set<Thread> threads = serveAndClose();
    assertEquals(2, threads.size(), "the group's two threads ran");
    for (Thread thread : threads) {
      assertFalse(thread.isAlive(), thread + " ended");
    }
    assertEquals(threadsBefore, groupThreads());
    assertEquals(before, openDescriptors(FDS), "open descriptors before and after the group");
  }

  /**
   * Opens a group of two loops with a server, leaves connections open on both loops and a task
   * waiting for ever on each, closes the group at once; returns the group's threads.
   */
  private Set<Thread> serveAndClose() throws IOException {
    Set<Thread> before = groupThreads();
    List<Socket> clients = new ArrayList<>();
    LoopGroup group = openGroup(2);
    Set<Thread> threads = new HashSet<>(groupThreads());
    threads.removeAll(before);
    try {
      Set<Loop> serving = ConcurrentHashMap.newKeySet();
      GroupServer server = group.listen(LOOPBACK, 0, stream -> {
        serving.add(Loop.current());
        stream.write(stream.readExactly(1));
        stream.readAll();
      });
      while (serving.size() < 2) {
        Socket client = client(server.localAddress());
        clients.add(client);
        send(client, "x");
        assertEquals("x", receive(client, 1));
      }
      for (Loop loop : group.loops()) {
        group.run(() -> loop.submit(() -> {
          Loop.current().spawn(() -> Loop.current().newFuture().await());
          return null;
        }).await());
      }
    } finally {
      group.close(Duration.ZERO);
      for (Socket client : clients) {
        client.close();
      }
    }
    return threads;
  }

  @Test
  public void closeStopsAcceptingAndWaitsForTheRunningHandlersToReturn() throws Exception {
    LoopGroup group = LoopGroup.open(options().loops(2).shutdownGrace(Duration.ofMinutes(1)));
    CompletableFuture<Void> closed = new CompletableFuture<>();
    try (Socket client = startAndClose(group, closed)) {
      assertFalse(closed.isDone(), "close waits while a handler runs");
      send(client, "bye\n");
      assertEquals("done\n", receive(client, 5));
      closed.get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  public void aHandlerStillRunningWhenTheGracePeriodEndsIsCancelledAndItsCleanupRuns()
      throws Exception {
    LoopGroup group = LoopGroup.open(options().loops(2).shutdownGrace(Duration.ofMillis(100)));
    CompletableFuture<Void> closed = new CompletableFuture<>();
    try (Socket client = startAndClose(group, closed)) {
      closed.get(10, TimeUnit.SECONDS);
      assertEquals("cancelled\n", receive(client, 10), "the handler's cleanup wrote this");
      assertEquals(-1, client.getInputStream().read(), "the loop closed the connection");
    }
  }

  /**
   * Serves one connection whose handler answers "bye" with "done" (or, when cancelled, writes
   * "cancelled" in its cleanup), then closes the group on another thread, completing {@code
   * closed} when close returns, and waits until the port refuses connections: the group stopped
   * accepting. Returns the client.
   */
  private Socket startAndClose(LoopGroup group, CompletableFuture<Void> closed)
      throws IOException {
    GroupServer server = group.listen(LOOPBACK, 0, stream -> {
      try {
        stream.write(bytes("ready"));
        if (stream.readLine() != null) { // null: a probe of startAndClose, closed at once
          stream.write(bytes("done\n"));
        }
      } catch (CancelledException e) {
        Cleanup.shielded(Duration.ofSeconds(5), () -> stream.write(bytes("cancelled\n")).await());
        throw e;
      }
    });
    Socket client = client(server.localAddress());
    assertEquals("ready", receive(client, 5));
    Thread.ofPlatform().start(() -> {
      group.close();
      closed.complete(null);
    });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (accepts(server)) {
      assertTrue(System.nanoTime() < deadline, "the group stopped accepting within 10 s");
      Thread.onSpinWait();
    }
    return client;
  }

  /**
   * Whether a connection to the server is established: not when refused, nor when reset (it was
   * still in the backlog of a listening socket that closed).
   */
  @SuppressWarnings("try") // the probe only tests whether a connection is accepted
  private static boolean accepts(GroupServer server) throws IOException {
    try (Socket probe = new Socket(LOOPBACK, server.localAddress().getPort())) {
      return true;
    } catch (SocketException refusedOrReset) {
      return false;
    }
  }

  @Test
  public void closeIsIdempotentAndTheGroupRefusesWorkOnceClosed() {
    LoopGroup group = openGroup(1);
    group.close();
    group.close();
    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> group.listen(LOOPBACK, 0, s -> {}));
    assertEquals("LoopGroup.listen: the loop group is closed", refused.getMessage());
    refused = assertThrows(IllegalStateException.class, () -> group.run(() -> 1));
    assertEquals("LoopGroup.run: the loop group is closed", refused.getMessage());
  }

  @Test
  public void closeOnALoopsThreadIsRefusedBecauseALoopCannotWaitForItselfToStop() {
    try (LoopGroup group = openGroup(1)) {
      IllegalStateException refused =
          group.run(() -> assertThrows(IllegalStateException.class, group::close));
      assertTrue(
          refused.getMessage().startsWith(
              "LoopGroup.close must not be called on a loop's thread (a loop cannot wait for"
                  + " itself to stop)"),
          refused.getMessage());
    }
  }

  @Test
  public void aFailureOnAnyLoopReachesTheGroupsOneHandlerOnThatLoopsThread() throws Exception {
    try (LoopGroup group = openGroup(3)) {
      for (Loop loop : group.loops()) {
        loop.callSoonThreadsafe(() -> {
          throw new IllegalStateException("boom " + group.loops().indexOf(loop));
        });
      }
      List<Report> reports = awaitReports(3);
      for (Report report : reports) {
        int index = group.loops().indexOf(report.loop());
        assertEquals("Exception in callback", report.failure().message());
        assertEquals("boom " + index, report.failure().exception().getMessage());
        assertSame(report.loop(), report.ranOn().orElseThrow(), "reported on the loop's thread");
      }
    }
  }

  @Test
  public void aHandlerThatThrowsIsReportedOnceWithTheLoopThatServedItWhenTheGroupCloses()
      throws IOException {
    CompletableFuture<Loop> served = new CompletableFuture<>();
    IllegalStateException failure = new IllegalStateException("handler failed");
    try (LoopGroup group = openGroup(2)) {
      GroupServer server = group.listen(LOOPBACK, 0, stream -> {
        served.complete(Loop.current());
        throw failure;
      });
      try (Socket client = client(server.localAddress())) {
        assertEquals(-1, client.getInputStream().read(), "the stream closed after the handler");
      }
    }
    List<Report> reports = reports();
    assertEquals(1, reports.size(), reports::toString);
    assertSame(served.join(), reports.get(0).loop());
    assertSame(failure, reports.get(0).failure().exception());
    assertTrue(
        reports.get(0).failure().message()
            .startsWith("Task exception was never retrieved: task connection 127.0.0.1:"),
        reports.get(0).failure().message());
  }

  @Test
  public void serveForeverInATaskReturnsOnceAnotherThreadClosedTheServer() throws Exception {
    try (LoopGroup group = openGroup(2)) {
      GroupServer server = group.listen(LOOPBACK, 0, s -> {});
      CompletableFuture<String> serving = CompletableFuture.supplyAsync(() -> group.run(() -> {
        server.serveForever();
        return "returned";
      }));
      assertFalse(serving.isDone(), "serving until the server closes");
      server.close();
      assertEquals("returned", serving.get(10, TimeUnit.SECONDS));
    }
  }
}

package asyncigo.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.LoopGroup;
import asyncigo.api.LoopGroupOptions;
import asyncigo.api.LoopOptions;
import asyncigo.api.Promise;
import asyncigo.api.net.GroupServer;
import asyncigo.api.spi.Poller;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The loop group: its loops, round robin, {@code run}, and a server whose connections are spread
 * over every loop, each staying on its loop. Closing and failures are in {@link
 * LoopGroupCloseContract}; crossing loops in {@link CrossLoopContract}. Runs through a one-line
 * subclass per backend.
 */
public abstract class LoopGroupContract extends LoopGroupFixture {
  private static final String LOOPBACK = "127.0.0.1";

  @Test
  public void aGroupHasTheLoopsItWasOpenedWithEachOnTheForcedPollerAndNextGoesRoundRobin() {
    try (LoopGroup group = openGroup(3)) {
      List<Loop> loops = group.loops();
      assertEquals(3, loops.size());
      assertEquals(3, Set.copyOf(loops).size(), "three distinct loops");
      for (Loop loop : loops) {
        assertEquals(pollerName(), loop.pollerSelection().chosen());
      }
      List<Loop> turns = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        turns.add(group.next());
      }
      int first = loops.indexOf(turns.get(0));
      for (int i = 0; i < 6; i++) {
        assertSame(loops.get((first + i) % 3), turns.get(i), "turn " + i);
      }
    }
  }

  @Test
  public void byDefaultAGroupHasOneLoopPerAvailableProcessor() {
    assertEquals(
        Runtime.getRuntime().availableProcessors(), LoopGroupOptions.defaults().loops());
  }

  @Test
  public void runRunsMainAsATaskOfALoopOfTheGroupAndReturnsItsResult() {
    try (LoopGroup group = openGroup(2)) {
      Loop ran = group.run(() -> {
        assertEquals("main", Loop.current().currentTask().orElseThrow().name());
        return Loop.current();
      });
      assertTrue(group.loops().contains(ran), "main ran on a loop of the group");
    }
  }

  @Test
  public void runRethrowsTheFailureOfMainAsItIs() {
    IllegalStateException failure = new IllegalStateException("main failed");
    try (LoopGroup group = openGroup(2)) {
      IllegalStateException thrown =
          assertThrows(IllegalStateException.class, () -> group.run(() -> {
            throw failure;
          }));
      assertSame(failure, thrown);
    }
  }

  @Test
  public void runOnALoopsThreadIsRefusedBecauseItWouldBlockThatLoop() {
    try (LoopGroup group = openGroup(2)) {
      IllegalStateException refused =
          group.run(() -> assertThrows(IllegalStateException.class, () -> group.run(() -> 1)));
      assertTrue(
          refused.getMessage().startsWith(
              "LoopGroup.run must not be called on a loop's thread (it would block that loop"
                  + " until main ends): call it from a thread that runs no loop"),
          refused.getMessage());
    }
  }

  /**
   * 48 connections to a group of 3 loops: every loop serves some (the kernel's hash leaves one
   * out with probability about 10^-8; the hand-off gives each 16), and each handler runs on one
   * loop from its first step to its last.
   */
  @Test
  public void connectionsAreSpreadOverEveryLoopAndEachStaysOnItsLoop() throws IOException {
    try (LoopGroup group = openGroup(3)) {
      List<Loop> loops = group.loops();
      GroupServer server = group.listen(LOOPBACK, 0, stream -> {
        Loop first = Loop.current();
        byte[] ping = stream.readExactly(1);
        assertSame(first, Loop.current(), "the handler resumed on its loop");
        stream.write(new byte[] {(byte) loops.indexOf(first)});
        stream.write(ping);
      });
      InetSocketAddress address = server.localAddress();
      assertEquals(LOOPBACK, address.getAddress().getHostAddress());
      assertTrue(address.getPort() > 0, "port 0 bound a free port");
      int[] served = new int[3];
      List<Socket> clients = new ArrayList<>();
      try {
        for (int i = 0; i < 48; i++) {
          clients.add(client(address));
        }
        for (Socket client : clients) {
          send(client, "x");
          String reply = receive(client, 2);
          assertEquals("x", reply.substring(1), "the echo came back");
          served[reply.charAt(0)]++;
        }
      } finally {
        for (Socket client : clients) {
          client.close();
        }
      }
      assertEquals(48, served[0] + served[1] + served[2]);
      for (int i = 0; i < 3; i++) {
        assertTrue(served[i] > 0, "loop " + i + " served none: " + Arrays.toString(served));
      }
    }
  }

  @Test
  public void listenFromATaskSuspendsItAndTheServerServesFromEveryLoop() throws IOException {
    try (LoopGroup group = openGroup(2)) {
      Set<Loop> serving = ConcurrentHashMap.newKeySet();
      GroupServer server = group.run(() -> group.listen(LOOPBACK, 0, stream -> {
        serving.add(Loop.current());
        stream.write(stream.readExactly(2));
      }));
      List<Socket> clients = new ArrayList<>();
      try {
        for (int i = 0; i < 32; i++) {
          clients.add(client(server.localAddress()));
        }
        for (Socket client : clients) {
          send(client, "hi");
          assertEquals("hi", receive(client, 2));
        }
      } finally {
        for (Socket client : clients) {
          client.close();
        }
      }
      assertEquals(Set.copyOf(group.loops()), Set.copyOf(serving));
    }
  }

  @Test
  public void listenInACallbackIsRefusedBecauseItWaitsForTheOtherLoops() {
    try (LoopGroup group = openGroup(2)) {
      IllegalStateException refused = group.run(() -> {
        Promise<IllegalStateException> thrown = Loop.current().newFuture();
        Loop.current().callSoon(() -> thrown.complete(assertThrows(
            IllegalStateException.class, () -> group.listen(LOOPBACK, 0, s -> {}))));
        return thrown.await();
      });
      assertEquals(
          "LoopGroup.listen: call it from a task or from a thread that runs no loop, not from a"
              + " callback: it waits for the group's loops",
          refused.getMessage());
    }
  }

  @Test
  public void closeAllClosesTheOpenConnectionsOnEveryLoopAndStopsAccepting() throws IOException {
    try (LoopGroup group = openGroup(2)) {
      Set<Loop> serving = ConcurrentHashMap.newKeySet();
      GroupServer server = group.listen(LOOPBACK, 0, stream -> {
        serving.add(Loop.current());
        stream.write(bytes("hello"));
        stream.flush();
        stream.readAll();
      });
      List<Socket> clients = new ArrayList<>();
      try {
        while (serving.size() < 2) {
          Socket client = client(server.localAddress());
          clients.add(client);
          assertEquals("hello", receive(client, 5));
        }
        assertEquals(clients.size(), server.connections());
        server.closeAll();
        for (Socket client : clients) {
          assertEquals(-1, client.getInputStream().read(), "the server closed the connection");
        }
      } finally {
        for (Socket client : clients) {
          client.close();
        }
      }
      assertThrows(ConnectException.class, () -> client(server.localAddress()).close());
    }
  }

  /**
   * Two groups (as two processes would) listen on one port where the kernel balances, and both
   * serve some of 32 connections; elsewhere the second cannot bind the port.
   */
  @Test
  public void twoGroupsShareAPortWhereTheKernelBalancesSharedPorts() throws IOException {
    try (LoopGroup first = openGroup(1); LoopGroup second = openGroup(1)) {
      GroupServer server = first.listen(LOOPBACK, 0, stream -> stream.write(bytes("1")));
      int port = server.localAddress().getPort();
      if (!balancesSharedPorts()) {
        assertThrows(BindException.class, () -> second.listen(LOOPBACK, port, s -> {}));
        return;
      }
      second.listen(LOOPBACK, port, stream -> stream.write(bytes("2")));
      Set<String> answers = new HashSet<>();
      for (int i = 0; i < 32; i++) {
        try (Socket client = client(server.localAddress())) {
          answers.add(receive(client, 1));
        }
      }
      assertEquals(Set.of("1", "2"), answers);
    }
  }

  /** Whether the backend under test balances shared ports (see the poller contract). */
  private boolean balancesSharedPorts() throws IOException {
    try (Poller poller = Backends.provider(pollerName()).open()) {
      return poller.balancesSharedPorts();
    }
  }

  @Test
  public void aGroupOnAnUnknownPollerFailsToOpenAndLeavesNoThreadRunning() {
    Set<Thread> before = groupThreads();
    LoopGroupOptions options =
        LoopGroupOptions.defaults().loops(2).loopOptions(LoopOptions.defaults().poller("none"));
    IllegalStateException failure =
        assertThrows(IllegalStateException.class, () -> LoopGroup.open(options));
    assertTrue(failure.getMessage().contains("none"), failure.getMessage());
    assertEquals(before, groupThreads());
  }
}

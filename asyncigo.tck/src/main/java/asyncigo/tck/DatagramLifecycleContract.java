package asyncigo.tck;

import static asyncigo.tck.DatagramContract.ANY_LOOPBACK_PORT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.CancelledException;
import asyncigo.api.Loop;
import asyncigo.api.LoopOptions;
import asyncigo.api.Task;
import asyncigo.api.UncheckedExecutionException;
import asyncigo.api.iter.AsyncIterator;
import asyncigo.api.net.Datagram;
import asyncigo.api.net.DatagramEndpoint;
import asyncigo.api.net.DatagramOptions;
import asyncigo.api.net.StreamClosedException;
import asyncigo.api.sync.Timeout;
import asyncigo.api.sync.TimeoutResult;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The datagram endpoint's lifecycle on every backend: close and loop close, cancellation,
 * iteration, backpressure, threading and descriptors. Runs through a one-line subclass per
 * backend, like {@link DatagramContract}.
 *
 * @since 0.1
 */
public abstract class DatagramLifecycleContract extends TransportFixture {
  private static final Path FDS = Path.of("/proc/self/fd");

  @Test
  public void closingTheEndpointWakesABlockedReceiveWithStreamClosed() {
    run(loop -> {
      DatagramEndpoint endpoint = loop.openDatagram(ANY_LOOPBACK_PORT);
      Task<Datagram> receiver = loop.spawn("receiver", endpoint::receive);
      untilSuspended(loop, receiver);
      endpoint.close();
      Throwable e = assertThrows(UncheckedExecutionException.class, receiver::await).getCause();
      assertInstanceOf(StreamClosedException.class, e);
      assertEquals("datagram endpoint closed", e.getMessage());
      assertTrue(endpoint.isClosed());
      endpoint.close(); // idempotent
      assertEquals("datagram endpoint is closed",
          assertThrows(StreamClosedException.class, endpoint::receive).getMessage());
      assertEquals("datagram endpoint is closed", assertThrows(StreamClosedException.class,
          () -> endpoint.send(new byte[1], new InetSocketAddress("127.0.0.1", 9))).getMessage());
      return null;
    });
  }

  @Test
  public void aReceiveCancelledWhileWaitingLosesNoDatagram() {
    run(loop -> {
      try (DatagramEndpoint a = loop.openDatagram(ANY_LOOPBACK_PORT);
          DatagramEndpoint b = loop.openDatagram(ANY_LOOPBACK_PORT)) {
        Task<Datagram> waiting = loop.spawn("waiting", b::receive);
        untilSuspended(loop, waiting);
        assertTrue(waiting.cancel());
        assertThrows(CancelledException.class, waiting::await);
        a.send(bytes("first"), b.localAddress());
        assertEquals("first", text(b.receive().payload()), "the next receive gets it");
        return null;
      }
    });
  }

  @Test
  public void aDatagramThatArrivedBeforeTheCancellationIsEitherTheResultOrStillPending() {
    run(loop -> {
      try (DatagramEndpoint a = loop.openDatagram(ANY_LOOPBACK_PORT);
          DatagramEndpoint b = loop.openDatagram(ANY_LOOPBACK_PORT)) {
        for (int round = 0; round < 50; round++) {
          Task<Datagram> receiver = loop.spawn("receiver", b::receive);
          untilSuspended(loop, receiver);
          a.send(bytes("d" + round), b.localAddress());
          loop.sleep(Duration.ofMillis(round % 3)); // the receiver may or may not have woken
          receiver.cancel();
          eventually(loop, receiver::isDone, "the receiver is done");
          String got = receiver.isCancelled() ? text(b.receive().payload())
              : text(receiver.resultNow().payload());
          assertEquals("d" + round, got, "round " + round);
        }
        return null;
      }
    });
  }

  @Test
  public void theDatagramsIterationEndsWhenTheEndpointClosesAndGivesBackAnUntakenDatagram() {
    run(loop -> {
      try (DatagramEndpoint a = loop.openDatagram(ANY_LOOPBACK_PORT);
          DatagramEndpoint b = loop.openDatagram(ANY_LOOPBACK_PORT)) {
        for (String s : List.of("one", "two", "three")) {
          a.send(bytes(s), b.localAddress());
        }
        try (AsyncIterator<Datagram> it = b.datagrams().iterator()) {
          assertEquals("one", text(it.next().payload()));
          assertTrue(it.hasNext(), "two is fetched, not taken");
        }
        assertEquals("two", text(b.receive().payload()), "the untaken datagram went back");
        Task<List<String>> collector = loop.spawn("collector", () -> {
          List<String> got = new ArrayList<>();
          for (Datagram d : b.datagrams()) {
            got.add(text(d.payload()));
          }
          return got;
        });
        a.send(bytes("four"), b.localAddress());
        loop.sleep(Duration.ofMillis(5)); // lets it take "four" and wait for a fifth
        untilSuspended(loop, collector);
        b.close();
        assertEquals(List.of("three", "four"), collector.await());
        return null;
      }
    });
  }

  /**
   * Over loopback Linux frees a send buffer as soon as the datagram is handed to the receiver and
   * drops what the receiver's buffer cannot hold, so the sends never have to wait here; what this
   * shows is that none of them fails, stalls or sends a fragment. The peer then reads until a
   * second passes without a datagram (how many the kernel kept depends on its buffer rules).
   */
  @Test
  public void sendsFarBeyondTheSendBufferToAPeerThatDoesNotReadAllCompleteAndArriveWhole() {
    run(loop -> {
      DatagramOptions tiny = DatagramOptions.defaults().sendBufferSize(4096);
      try (DatagramEndpoint sender = loop.openDatagram(ANY_LOOPBACK_PORT, tiny);
          DatagramEndpoint idle = loop.openDatagram(ANY_LOOPBACK_PORT)) {
        byte[] payload = DatagramContract.pattern(60_000, 3);
        for (int i = 0; i < 2_000; i++) {
          sender.send(payload, idle.localAddress()); // 120 MB: waits whenever the buffer is full
        }
        int whole = 0;
        TimeoutResult<Datagram> next;
        while (!(next = Timeout.moveOnAfter(Duration.ofSeconds(1), t -> idle.receive()))
            .timedOut()) {
          assertArrayEquals(payload, next.value().payload());
          whole++;
        }
        assertTrue(whole > 0, "the peer kept some whole datagrams");
        return null;
      }
    });
  }

  @Test
  public void closingTheLoopClosesItsEndpointsAndReleasesTheirDescriptors() throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(FDS), "needs /proc/self/fd (Linux)");
    openRunAndClose(); // warm-up: classes loaded, lazily opened descriptors opened
    long before = openDescriptors(FDS);
    Loop loop = Loop.open(LoopOptions.defaults().poller(pollerName()));
    DatagramEndpoint left = loop.run(() -> loop.openDatagram(ANY_LOOPBACK_PORT));
    assertFalse(left.isClosed());
    loop.close();
    assertTrue(left.isClosed(), "closed with the loop");
    assertEquals(before, openDescriptors(FDS), "open descriptors before and after the loop");
    assertInstanceOf(StreamClosedException.class,
        assertThrows(StreamClosedException.class, left::receive));
  }

  @Test
  public void tenThousandEndpointsOpenedAndClosedLeaveTheDescriptorCountUnchanged()
      throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(FDS), "needs /proc/self/fd (Linux)");
    run(loop -> {
      loop.openDatagram(ANY_LOOPBACK_PORT).close();
      long before = openDescriptors(FDS);
      for (int i = 0; i < 10_000; i++) {
        DatagramEndpoint e = loop.openDatagram(ANY_LOOPBACK_PORT);
        if (i % 100 == 0) {
          e.send(new byte[] {1}, e.localAddress());
          e.receive();
        }
        e.close();
      }
      assertEquals(before, openDescriptors(FDS), "open descriptors before and after");
      return null;
    });
  }

  @Test
  public void everyEndpointMethodButIsClosedRefusesAForeignThreadBeforeChangingAnything() {
    run(loop -> {
      try (DatagramEndpoint a = loop.openDatagram(ANY_LOOPBACK_PORT)) {
        Throwable thrown = ForeignThread.call(a::close);
        assertInstanceOf(IllegalStateException.class, thrown);
        assertEquals(ForeignThread.confinedMessage("DatagramEndpoint.close"), thrown.getMessage());
        assertFalse(a.isClosed(), "still open");
        for (String method : List.of("receive", "localAddress")) {
          Throwable t = ForeignThread.call(
              method.equals("receive") ? a::receive : a::localAddress);
          assertEquals(ForeignThread.confinedMessage("DatagramEndpoint." + method), t.getMessage());
        }
        a.send(bytes("ok"), a.localAddress());
        assertEquals("ok", text(a.receive().payload()));
        return null;
      }
    });
  }

  private void openRunAndClose() {
    try (Loop loop = Loop.open(LoopOptions.defaults().poller(pollerName()))) {
      loop.run(() -> {
        DatagramEndpoint e = loop.openDatagram(ANY_LOOPBACK_PORT);
        e.send(new byte[] {1}, e.localAddress());
        e.receive();
        return null;
      });
    }
  }
}

package asyncigo.poll.epoll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.spi.PollAcceptor;
import asyncigo.api.spi.PollStream;
import asyncigo.api.spi.PollKey;
import asyncigo.api.spi.Poller;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the contract does not cover: epoll's own edges, and descriptor hygiene. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EpollPollerTest extends EpollFixture {
  /**
   * epoll reports hang-ups even for an empty event mask; a channel with interest 0 must still not
   * end a poll, or a loop that paused reading a hung-up channel would spin.
   */
  @Test
  void aHungUpChannelWithInterestZeroDoesNotEndAPoll() throws IOException {
    Poller.PipeEnds ends = pipe();
    PollKey key = poller().register(ends.source(), 0, "source");
    ends.sink().close();
    long timeout = Duration.ofMillis(40).toNanos();
    long start = System.nanoTime();
    assertEquals(List.of(), pollOnce(timeout));
    assertTrue(System.nanoTime() - start >= timeout, "poll returned before its timeout");
    key.interest(Poller.READ);
    assertEquals(List.of(new Ready("source", Poller.READ)), pollOnce(0));
  }

  @Test
  void aHangUpReportsTheWholeInterestSet() throws IOException {
    Poller.PipeEnds ends = pipe();
    poller().register(ends.sink(), Poller.READ | Poller.WRITE, "sink");
    assertEquals(List.of(new Ready("sink", Poller.WRITE)), pollOnce(0));
    ends.source().close();
    assertEquals(List.of(new Ready("sink", Poller.READ | Poller.WRITE)), pollOnce(0));
  }

  /**
   * Another thread calls wakeup without pause while the loop polls without timeout: every poll
   * must return. A wake-up lost in the race between draining the eventfd and clearing the pending
   * flag would leave the flag set with nothing to read, and the next poll would wait forever; the
   * rescue pipe then ends it, and the test fails instead of hanging.
   */
  @Test
  void pollsWithoutTimeoutKeepReturningWhileAnotherThreadKeepsWakingThem() throws Exception {
    Poller.PipeEnds rescue = pipe();
    poller().register(rescue.source(), Poller.READ, "rescue");
    AtomicBoolean done = new AtomicBoolean();
    CountDownLatch finished = new CountDownLatch(1);
    Thread waker = Thread.ofPlatform().start(() -> {
      while (!done.get()) {
        poller().wakeup();
      }
    });
    Thread rescuer = Thread.ofPlatform().start(() -> {
      try {
        if (!finished.await(PATIENCE.toMillis() * 4, TimeUnit.MILLISECONDS)) {
          rescue.sink().write(ByteBuffer.wrap(new byte[] {1}));
        }
      } catch (InterruptedException | IOException e) {
        throw new IllegalStateException(e);
      }
    });
    List<Object> reported = new ArrayList<>();
    try {
      for (int i = 0; i < 20_000 && reported.isEmpty(); i++) {
        poller().poll(-1, (attachment, ops) -> reported.add(attachment));
      }
    } finally {
      done.set(true);
      finished.countDown();
      waker.join();
      rescuer.join();
    }
    assertEquals(List.of(), reported, "a poll waited until the rescue: a wake-up was lost");
  }

  /** More ready channels than one epoll_wait returns: the rest come in the next poll. */
  @Test
  void moreReadyChannelsThanTheEventBufferHoldsAreAllReported() throws IOException {
    int count = 700;
    Set<Object> expected = new HashSet<>();
    for (int i = 0; i < count; i++) {
      Poller.PipeEnds ends = pipe();
      poller().register(ends.sink(), Poller.WRITE, i);
      expected.add(i);
    }
    Set<Object> seen = new HashSet<>();
    int polls = 0;
    while (seen.size() < count && polls < 10) {
      poller().poll(0, (attachment, ops) -> seen.add(attachment));
      polls++;
    }
    assertEquals(expected, seen);
    List<Object> all = new ArrayList<>();
    poller().poll(0, (attachment, ops) -> all.add(attachment));
    assertEquals(count, all.size(), "the event buffer grew to hold every ready channel");
  }

  @Test
  void aClosedPollerRefusesPollRegisterAndNewChannelsSayingItIsClosed() throws IOException {
    Poller.PipeEnds ends = pipe();
    PollKey key = poller().register(ends.source(), Poller.READ, "registered");
    poller().close();
    for (var call : List.<org.junit.jupiter.api.function.Executable>of(
        () -> poller().poll(0, (a, ops) -> {}),
        () -> poller().register(ends.source(), Poller.READ, "source"),
        () -> poller().pipe(),
        () -> poller().listen(anyLoopbackPort(), 8))) {
      IllegalStateException e = assertThrows(IllegalStateException.class, call);
      assertEquals("epoll poller is closed", e.getMessage());
    }
    key.interest(Poller.READ);
    key.cancel();
  }

  /**
   * Every descriptor is close-on-exec from its creation, and non-blocking, except the epoll set
   * (it is never read; epoll_wait takes its own timeout).
   */
  @Test
  void everyDescriptorThePollerMakesIsNonBlockingAndCloseOnExec() throws IOException {
    poller().close();
    List<Integer> before = openDescriptors();
    List<Integer> made = new ArrayList<>();
    try (Poller poller = provider().open()) {
      Poller.PipeEnds ends = poller.pipe();
      PollAcceptor acceptor = poller.listen(anyLoopbackPort(), 8);
      PollStream client = poller.connect(addressOf(acceptor));
      PollStream server = null;
      for (int i = 0; i < 1000 && server == null; i++) {
        server = acceptor.accept();
      }
      assertTrue(server != null, "accepted the connection");
      made.addAll(openDescriptors());
      made.removeAll(before);
      assertEquals(7, made.size(), "epoll, eventfd, 2 pipe ends, listener, client, server: " + made);
      for (int fd : made) {
        String file = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
        boolean nonBlocking = (FileFlags.status(fd) & LinuxConstants.O_NONBLOCK) != 0;
        assertEquals(!file.equals("anon_inode:[eventpoll]"), nonBlocking, file + " non-blocking");
        assertTrue(FileFlags.closeOnExec(fd), file + " is close-on-exec");
      }
      for (var channel : List.of(ends.source(), ends.sink(), acceptor, client, server)) {
        channel.close();
      }
    }
    List<Integer> left = new ArrayList<>(openDescriptors());
    left.removeAll(before);
    assertEquals(List.of(), left, "descriptors left open after closing everything");
  }

  /** 1,000 rounds of every kind of channel, including failures: no descriptor outlives them. */
  @Test
  void openingAndClosingAThousandTimesLeaksNoDescriptor() throws IOException {
    poller().close();
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      InetSocketAddress inUse = (InetSocketAddress) taken.getLocalSocketAddress();
      for (int round = 0; round < 20; round++) { // warm up: load classes, open the jars they need
        cycle(inUse);
      }
      int before = openDescriptors().size();
      for (int round = 0; round < 1000; round++) {
        cycle(inUse);
      }
      assertEquals(before, openDescriptors().size(), "open descriptors after 1,000 rounds");
    }
  }

  /** One round: a poller with a pipe, a listener, a connection both ways, and failed calls. */
  private void cycle(InetSocketAddress inUse) throws IOException {
    try (Poller poller = provider().open()) {
      Poller.PipeEnds ends = poller.pipe();
      poller.register(ends.source(), Poller.READ, "source");
      PollAcceptor acceptor = poller.listen(anyLoopbackPort(), 8);
      poller.register(acceptor, Poller.READ, "acceptor");
      PollStream client = poller.connect(addressOf(acceptor));
      poller.register(client, Poller.WRITE, "client");
      PollStream server = null;
      while (server == null) {
        poller.poll(-1, (attachment, ops) -> {});
        server = acceptor.accept();
      }
      assertThrows(BindException.class, () -> poller.listen(inUse, 8));
      InetSocketAddress unresolved = InetSocketAddress.createUnresolved("nowhere.invalid", 1);
      assertThrows(IllegalArgumentException.class, () -> poller.connect(unresolved));
      for (var channel : List.of(ends.source(), ends.sink(), client, server, acceptor)) {
        channel.close();
      }
      assertFalse(acceptor.isOpen());
    }
  }
}

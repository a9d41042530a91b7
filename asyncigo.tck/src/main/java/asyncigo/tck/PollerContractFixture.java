package asyncigo.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import asyncigo.api.spi.PollAcceptor;
import asyncigo.api.spi.PollChannel;
import asyncigo.api.spi.PollStream;
import asyncigo.api.spi.Poller;
import asyncigo.api.spi.PollerProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What every part of the {@link PollerContract} works with: the poller under test, fresh for each
 * test, and the steps the tests share (poll once and record, poll until a channel shows up, send
 * and receive text). {@link PollerContract} implements it; the contract's test interfaces extend
 * it.
 */
public interface PollerContractFixture {
  /** How long a step that should succeed at once may take before the test gives up on it. */
  Duration PATIENCE = Duration.ofSeconds(5);

  /** One channel as a sink saw it: its attachment and its ready operations. */
  record Ready(Object attachment, int ops) {
    @Override
    public String toString() {
      String names =
          switch (ops) {
            case Poller.READ -> "READ";
            case Poller.WRITE -> "WRITE";
            case Poller.READ | Poller.WRITE -> "READ|WRITE";
            default -> "ops " + ops;
          };
      return attachment + ":" + names;
    }
  }

  /** The provider under test. */
  PollerProvider provider();

  /** The poller under test: opened before each test, closed after it. */
  Poller poller();

  /** Closes {@code channel} after the test (after the poller); returns it. */
  <T extends PollChannel> T closeAfterTest(T channel);

  /** The loopback address with port 0: "any free port". */
  default InetSocketAddress anyLoopbackPort() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  }

  /** A new pipe whose ends are closed after the test. */
  default Poller.PipeEnds pipe() throws IOException {
    Poller.PipeEnds ends = poller().pipe();
    closeAfterTest(ends.source());
    closeAfterTest(ends.sink());
    return ends;
  }

  /** One poll with {@code timeoutNanos}: what the sink saw, checked against poll's count. */
  default List<Ready> pollOnce(long timeoutNanos) throws IOException {
    List<Ready> seen = new ArrayList<>();
    int count =
        poller().poll(timeoutNanos, (attachment, ops) -> seen.add(new Ready(attachment, ops)));
    assertEquals(seen.size(), count, "poll must return the number of channels handed to the sink");
    return seen;
  }

  /** The attachment of the pipe {@link #pollOnceOrRescue} makes readable to end a hung poll. */
  String RESCUE = "rescue (the poll did not return by itself)";

  /**
   * {@link #pollOnce} for a poll that must return by itself. If it has not returned after {@link
   * #PATIENCE}, another thread makes a pipe registered with attachment {@link #RESCUE} readable:
   * the poll then returns reporting it and the test fails instead of hanging (a native poll
   * ignores the interrupt JUnit's timeout sends).
   */
  default List<Ready> pollOnceOrRescue(long timeoutNanos) throws IOException, InterruptedException {
    Poller.PipeEnds rescue = pipe();
    poller().register(rescue.source(), Poller.READ, RESCUE);
    CountDownLatch returned = new CountDownLatch(1);
    Thread watchdog =
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  try {
                    if (!returned.await(PATIENCE.toNanos(), TimeUnit.NANOSECONDS)) {
                      rescue.sink().write(ByteBuffer.wrap(new byte[] {1}));
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
    try {
      return pollOnce(timeoutNanos);
    } finally {
      returned.countDown();
      watchdog.join();
      poller().unregister(rescue.source());
    }
  }

  /** Polls until {@code attachment} (compared by identity) is reported; returns its ready ops. */
  default int pollUntilReported(Object attachment) throws IOException {
    return pollUntilReported(attachment, 0);
  }

  /**
   * Polls until {@code attachment} (compared by identity) is reported ready for at least {@code
   * ops}; returns its ready ops.
   */
  default int pollUntilReported(Object attachment, int ops) throws IOException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() - deadline < 0) {
      for (Ready ready : pollOnce(Duration.ofMillis(100).toNanos())) {
        if (ready.attachment() == attachment && (ready.ops() & ops) == ops) {
          return ready.ops();
        }
      }
    }
    return fail(attachment + " was not reported ready for ops " + ops + " within " + PATIENCE);
  }

  /** Connects a new stream to {@code remote} and waits until the connection is established. */
  default PollStream connected(InetSocketAddress remote) throws IOException {
    PollStream stream = closeAfterTest(poller().connect(remote));
    Object connecting = "connecting to " + remote;
    poller().register(stream, Poller.WRITE, connecting);
    assertEquals(Poller.WRITE, pollUntilReported(connecting), "a connected socket is writable");
    assertTrue(stream.finishConnect(), "finishConnect after WRITE was reported");
    poller().unregister(stream);
    return stream;
  }

  /** The address {@code channel} is bound to, as an {@link InetSocketAddress}. */
  default InetSocketAddress addressOf(PollChannel channel) {
    return (InetSocketAddress) channel.localAddress().orElseThrow();
  }

  /** Waits for a connection on {@code acceptor} and accepts it (closed after the test). */
  default PollStream accepted(PollAcceptor acceptor) throws IOException {
    Object listening = "accepting on " + acceptor.localAddress().orElse(null);
    poller().register(acceptor, Poller.READ, listening);
    assertEquals(Poller.READ, pollUntilReported(listening), "a pending connection reads as READ");
    PollStream stream = acceptor.accept();
    assertNotNull(stream, "accept after READ was reported");
    poller().unregister(acceptor);
    return closeAfterTest(stream);
  }

  /** Writes {@code text} (short enough for any empty socket or pipe buffer) in one call. */
  default void send(PollStream stream, String text) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    assertEquals(bytes.remaining(), stream.write(bytes), "bytes written to an empty buffer");
  }

  /**
   * Reads exactly {@code length} bytes from {@code stream}, which must be registered for {@link
   * Poller#READ} with {@code attachment}; fails at end of stream.
   */
  default String receive(PollStream stream, Object attachment, int length) throws IOException {
    ByteBuffer bytes = ByteBuffer.allocate(length);
    while (bytes.hasRemaining()) {
      pollUntilReported(attachment, Poller.READ);
      int n = stream.read(bytes);
      assertTrue(n >= 0, "end of stream after " + bytes.position() + " of " + length + " bytes");
    }
    return new String(bytes.array(), StandardCharsets.UTF_8);
  }
}

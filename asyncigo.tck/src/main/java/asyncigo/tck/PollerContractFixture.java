package asyncigo.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import asyncigo.api.spi.PollAcceptor;
import asyncigo.api.spi.PollChannel;
import asyncigo.api.spi.PollKey;
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
 * it. Its methods are called from the test's thread, which owns the poller. Assertions fail the
 * test with {@link AssertionError}.
 *
 * @since 0.1
 */
public interface PollerContractFixture {
  /** How long a step that should succeed at once may take before the test gives up on it. */
  Duration PATIENCE = Duration.ofSeconds(5);

  /**
   * One channel as a sink saw it: its attachment and its ready operations.
   *
   * @param attachment the attachment given to {@link Poller#register}
   * @param ops the ready operations reported
   * @since 0.1
   */
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

  /** {@return the provider under test} */
  PollerProvider provider();

  /** {@return the poller under test: opened before each test, closed after it} */
  Poller poller();

  /**
   * Closes {@code channel} after the test (after the poller).
   *
   * @param <T> the channel type
   * @param channel the channel to close
   * @return the channel
   */
  <T extends PollChannel> T closeAfterTest(T channel);

  /** {@return the loopback address with port 0: "any free port"} */
  default InetSocketAddress anyLoopbackPort() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  }

  /**
   * {@return a new pipe whose ends are closed after the test}
   *
   * @throws IOException if the poller fails
   */
  default Poller.PipeEnds pipe() throws IOException {
    Poller.PipeEnds ends = poller().pipe();
    closeAfterTest(ends.source());
    closeAfterTest(ends.sink());
    return ends;
  }

  /**
   * One poll with {@code timeoutNanos}.
   *
   * @param timeoutNanos the poll's timeout
   * @return what the sink saw, checked against poll's count
   * @throws IOException if the poller fails
   */
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
   *
   * @param timeoutNanos the poll's timeout
   * @return what the sink saw
   * @throws IOException if the poller fails
   * @throws InterruptedException if interrupted while joining the watchdog thread
   */
  default List<Ready> pollOnceOrRescue(long timeoutNanos) throws IOException, InterruptedException {
    Poller.PipeEnds rescue = pipe();
    PollKey rescueKey = poller().register(rescue.source(), Poller.READ, RESCUE);
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
      rescueKey.cancel();
    }
  }

  /**
   * Polls until {@code attachment} (compared by identity) is reported, for at most {@link
   * #PATIENCE}.
   *
   * @param attachment the attachment to wait for
   * @return its ready ops
   * @throws IOException if the poller fails
   */
  default int pollUntilReported(Object attachment) throws IOException {
    return pollUntilReported(attachment, 0);
  }

  /**
   * Polls until {@code attachment} (compared by identity) is reported ready for at least {@code
   * ops}, for at most {@link #PATIENCE}.
   *
   * @param attachment the attachment to wait for
   * @param ops the operations it must be ready for
   * @return its ready ops
   * @throws IOException if the poller fails
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

  /**
   * Connects a new stream to {@code remote} and waits until the connection is established.
   *
   * @param remote the address to connect to
   * @return the connected stream, unregistered, closed after the test
   * @throws IOException if the poller fails
   */
  default PollStream connected(InetSocketAddress remote) throws IOException {
    PollStream stream = closeAfterTest(poller().connect(remote));
    Object connecting = "connecting to " + remote;
    PollKey key = poller().register(stream, Poller.WRITE, connecting);
    assertEquals(Poller.WRITE, pollUntilReported(connecting), "a connected socket is writable");
    assertTrue(stream.finishConnect(), "finishConnect after WRITE was reported");
    key.cancel();
    return stream;
  }

  /**
   * {@return the address {@code channel} is bound to, as an {@link InetSocketAddress}}
   *
   * @param channel a bound socket
   */
  default InetSocketAddress addressOf(PollChannel channel) {
    return (InetSocketAddress) channel.localAddress().orElseThrow();
  }

  /**
   * Waits for a connection on {@code acceptor} and accepts it.
   *
   * @param acceptor the listening socket, not registered
   * @return the accepted stream, unregistered, closed after the test
   * @throws IOException if the poller fails
   */
  default PollStream accepted(PollAcceptor acceptor) throws IOException {
    Object listening = "accepting on " + acceptor.localAddress().orElse(null);
    PollKey key = poller().register(acceptor, Poller.READ, listening);
    assertEquals(Poller.READ, pollUntilReported(listening), "a pending connection reads as READ");
    PollStream stream = acceptor.accept();
    assertNotNull(stream, "accept after READ was reported");
    key.cancel();
    return closeAfterTest(stream);
  }

  /**
   * Writes {@code text} (short enough for any empty socket or pipe buffer) in one call.
   *
   * @param stream the stream to write to
   * @param text the text, sent as UTF-8
   * @throws IOException if the poller fails
   */
  default void send(PollStream stream, String text) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    assertEquals(bytes.remaining(), stream.write(bytes), "bytes written to an empty buffer");
  }

  /**
   * Reads exactly {@code length} bytes from {@code stream}, which must be registered for {@link
   * Poller#READ} with {@code attachment}; fails at end of stream.
   *
   * @param stream the stream to read
   * @param attachment its attachment
   * @param length how many bytes to read
   * @return the bytes, decoded as UTF-8
   * @throws IOException if the poller fails
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

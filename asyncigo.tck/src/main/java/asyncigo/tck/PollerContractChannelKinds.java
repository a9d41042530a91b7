package asyncigo.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.net.DatagramOptions;
import asyncigo.api.process.ProcessSpec;
import asyncigo.api.spi.PollDatagram;
import asyncigo.api.spi.PollKey;
import asyncigo.api.spi.Poller;
import asyncigo.api.spi.SpawnedProcess;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The channel kinds beyond streams and acceptors (UDP sockets, a child's exit watch) register
 * through {@link Poller#register} like the others: their keys report readiness, filter it by the
 * interest set, and stop reporting once cancelled.
 *
 * @since 0.1
 */
public interface PollerContractChannelKinds extends PollerContractFixture {
  @Test
  default void aDatagramSocketsKeyReportsADatagramWaitingOnlyWhileItAsksForRead()
      throws IOException {
    PollDatagram receiver = datagramSocket();
    PollDatagram sender = datagramSocket();
    InetSocketAddress to = (InetSocketAddress) receiver.localAddress().orElseThrow();
    assertTrue(sender.send(ByteBuffer.wrap("ping".getBytes(StandardCharsets.UTF_8)), to));
    PollKey key = poller().register(receiver, Poller.READ, "receiver");
    assertEquals(List.of(new Ready("receiver", Poller.READ)), pollUntilReported());
    key.interest(0);
    assertEquals(List.of(), pollOnce(0), "the datagram still waits, but nobody asks");
    key.cancel();
    PollKey again = poller().register(receiver, Poller.READ, "again");
    assertEquals(List.of(new Ready("again", Poller.READ)), pollOnce(0));
    ByteBuffer payload = ByteBuffer.allocate(16);
    receiver.receive(payload);
    assertEquals("ping", new String(payload.array(), 0, payload.position(), StandardCharsets.UTF_8));
    again.cancel();
  }

  @Test
  default void aDatagramSocketsKeyReportsWriteWhenTheSendBufferHasRoom() throws IOException {
    PollDatagram socket = datagramSocket();
    PollKey key = poller().register(socket, Poller.READ | Poller.WRITE, "socket");
    assertEquals(List.of(new Ready("socket", Poller.WRITE)), pollUntilReported());
    key.cancel();
    assertEquals(List.of(), pollOnce(0), "a cancelled key is not reported");
  }

  @Test
  default void aChildsExitWatchReportsReadOnceTheChildHasExited() throws IOException {
    ProcessSpec spec = ProcessSpec.of("sh", "-c", "exit 3")
        .stdin(ProcessSpec.Redirect.DISCARD)
        .stdout(ProcessSpec.Redirect.DISCARD)
        .stderr(ProcessSpec.Redirect.DISCARD);
    SpawnedProcess child = poller().spawn(spec);
    closeAfterTest(child.exitWatch());
    assertFalse(child.stdout().isPresent(), "nothing is piped");
    PollKey key = poller().register(child.exitWatch(), Poller.READ, "exit");
    assertEquals(List.of(new Ready("exit", Poller.READ)), pollUntilReported());
    assertEquals(OptionalInt.of(3), child.exitStatus());
    key.cancel();
    assertFalse(key.isValid());
    assertEquals(List.of(), pollOnce(0), "a cancelled key is not reported");
  }

  /**
   * {@return a UDP socket on the loopback address, any free port, closed after the test}
   *
   * @throws IOException if the poller cannot open it
   */
  private PollDatagram datagramSocket() throws IOException {
    return closeAfterTest(poller().openDatagram(anyLoopbackPort(), DatagramOptions.defaults()));
  }

  /**
   * {@return what the first poll that reports anything saw, polling for up to {@link #PATIENCE}}
   *
   * @throws IOException if the poller fails
   */
  private List<Ready> pollUntilReported() throws IOException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    List<Ready> seen = pollOnce(0);
    while (seen.isEmpty() && System.nanoTime() - deadline < 0) {
      seen = pollOnce(Math.max(1, deadline - System.nanoTime()));
    }
    return seen;
  }
}

package asyncigo.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import asyncigo.api.Loop;
import asyncigo.api.net.Datagram;
import asyncigo.api.net.DatagramEndpoint;
import asyncigo.api.net.DatagramOptions;
import asyncigo.api.net.DatagramTooLargeException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The datagram contract: what a UDP endpoint of {@link Loop#openDatagram} guarantees on every
 * backend about the datagrams themselves (integrity, boundaries, sizes, connected endpoints,
 * ICMP reports). Runs through a one-line subclass per backend; {@link DatagramAddressContract}
 * covers addresses and options, {@link DatagramLifecycleContract} close, cancellation,
 * backpressure and descriptors.
 *
 * @since 0.1
 */
public abstract class DatagramContract extends TransportFixture {
  /** The IPv4 loopback address with port 0: any free port. */
  protected static final InetSocketAddress ANY_LOOPBACK_PORT = new InetSocketAddress("127.0.0.1", 0);

  @Test
  public void datagramsOfEverySizeFromEmptyToTheLargestArriveWholeWithTheirSender() {
    run(loop -> {
      try (DatagramEndpoint a = loop.openDatagram(ANY_LOOPBACK_PORT);
          DatagramEndpoint b = loop.openDatagram(ANY_LOOPBACK_PORT)) {
        List<Integer> sizes = new ArrayList<>(List.of(0, 1, 2, 1472, 1473, 8192, 65_506, 65_507));
        Random random = new Random(42);
        for (int i = 0; i < 400; i++) {
          sizes.add(random.nextInt(i % 10 == 0 ? 65_508 : 2048));
        }
        for (int i = 0; i < sizes.size(); i++) {
          byte[] sent = pattern(sizes.get(i), i);
          a.send(sent, b.localAddress());
          Datagram received = b.receive();
          assertArrayEquals(sent, received.payload(), "datagram " + i + " of " + sent.length);
          assertEquals(a.localAddress(), received.sender());
        }
        return null;
      }
    });
  }

  @Test
  public void receiveIntoFillsTheBufferFromItsPositionAndReturnsTheSender() {
    run(loop -> {
      try (DatagramEndpoint a = loop.openDatagram(ANY_LOOPBACK_PORT);
          DatagramEndpoint b = loop.openDatagram(ANY_LOOPBACK_PORT)) {
        for (ByteBuffer buffer : List.of(ByteBuffer.allocate(70_000),
            ByteBuffer.allocateDirect(70_000), ByteBuffer.allocate(100),
            ByteBuffer.allocateDirect(100))) {
          buffer.position(3);
          a.send(bytes("hello"), b.localAddress());
          assertEquals(a.localAddress(), b.receiveInto(buffer));
          assertEquals(8, buffer.position());
          assertEquals("hello", text(remaining(buffer.flip().position(3))));
        }
        return null;
      }
    });
  }

  @Test
  public void datagramsSentBeforeAnyReceiveAreNeverMergedOrSplit() {
    run(loop -> {
      try (DatagramEndpoint a = loop.openDatagram(ANY_LOOPBACK_PORT);
          DatagramEndpoint b = loop.openDatagram(ANY_LOOPBACK_PORT)) {
        for (String s : List.of("a", "bc", "", "def")) {
          a.send(bytes(s), b.localAddress());
        }
        ByteBuffer roomy = ByteBuffer.allocate(1000);
        b.receiveInto(roomy);
        assertEquals("a", text(remaining(roomy.flip())));
        assertEquals("bc", text(b.receive().payload()));
        assertEquals("", text(b.receive().payload()));
        assertEquals("def", text(b.receive().payload()));
        return null;
      }
    });
  }

  @Test
  public void aDatagramTooLargeForTheBufferIsReportedWithBothSizesThenReceivedWhole() {
    run(loop -> {
      try (DatagramEndpoint a = loop.openDatagram(ANY_LOOPBACK_PORT);
          DatagramEndpoint b = loop.openDatagram(ANY_LOOPBACK_PORT)) {
        byte[] big = pattern(65_507, 7);
        a.send(big, b.localAddress());
        a.send(bytes("next"), b.localAddress());
        ByteBuffer small = ByteBuffer.allocate(10);
        DatagramTooLargeException e =
            assertThrows(DatagramTooLargeException.class, () -> b.receiveInto(small));
        assertEquals("a datagram of 65507 bytes does not fit in a buffer with room for 10 bytes;"
            + " it stays pending for a receive with more room", e.getMessage());
        assertEquals(65_507, e.size());
        assertEquals(10, e.room());
        assertEquals(0, small.position(), "nothing was written to the small buffer");
        assertThrows(DatagramTooLargeException.class,
            () -> b.receiveInto(ByteBuffer.allocateDirect(65_506)), "still pending, still too big");
        Datagram whole = b.receive();
        assertArrayEquals(big, whole.payload());
        assertEquals(a.localAddress(), whole.sender());
        assertEquals("next", text(b.receive().payload()));

        a.send(big, b.localAddress());
        assertThrows(DatagramTooLargeException.class, () -> b.receiveInto(small));
        ByteBuffer exact = ByteBuffer.allocate(65_507);
        assertEquals(a.localAddress(), b.receiveInto(exact));
        assertArrayEquals(big, exact.array());
        return null;
      }
    });
  }

  @Test
  public void aPayloadLargerThanTheLargestUdpPayloadFailsBeforeAnythingIsSent() {
    run(loop -> {
      try (DatagramEndpoint a = loop.openDatagram(ANY_LOOPBACK_PORT);
          DatagramEndpoint b = loop.openDatagram(ANY_LOOPBACK_PORT)) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> a.send(new byte[65_508], b.localAddress()));
        assertEquals("a datagram payload of 65508 bytes is larger than the largest UDP payload,"
            + " 65507 bytes", e.getMessage());
        a.send(bytes("after"), b.localAddress());
        assertEquals("after", text(b.receive().payload()), "the refused datagram never left");
        return null;
      }
    });
  }

  @Test
  public void aConnectedEndpointSendsToItsRemoteAndReceivesOnlyFromIt() {
    run(loop -> {
      try (DatagramEndpoint server = loop.openDatagram(ANY_LOOPBACK_PORT);
          DatagramEndpoint stranger = loop.openDatagram(ANY_LOOPBACK_PORT);
          DatagramEndpoint client = loop.openDatagram(ANY_LOOPBACK_PORT,
              DatagramOptions.defaults().connect(server.localAddress()))) {
        assertEquals(Optional.of(server.localAddress()), client.remoteAddress());
        assertEquals(Optional.empty(), server.remoteAddress());
        client.send(bytes("ping"));
        Datagram ping = server.receive();
        assertEquals("ping", text(ping.payload()));
        stranger.send(bytes("ignored"), client.localAddress());
        server.send(bytes("pong"), ping.sender());
        Datagram pong = client.receive();
        assertEquals("pong", text(pong.payload()), "the stranger's datagram was dropped");
        assertEquals(server.localAddress(), pong.sender());
        client.send(bytes("again"), server.localAddress());
        assertEquals("again", text(server.receive().payload()));
        return null;
      }
    });
  }

  @Test
  public void anIcmpPortUnreachableSurfacesOnTheNextReceiveOfAConnectedEndpoint() {
    run(loop -> {
      InetSocketAddress nobody;
      try (DatagramEndpoint gone = loop.openDatagram(ANY_LOOPBACK_PORT)) {
        nobody = gone.localAddress();
      }
      try (DatagramEndpoint client = loop.openDatagram(ANY_LOOPBACK_PORT,
          DatagramOptions.defaults().connect(nobody))) {
        client.send(bytes("anyone?"));
        PortUnreachableException e =
            assertThrows(PortUnreachableException.class, client::receive);
        assertEquals("port unreachable: nothing listens on " + nobody + " (ICMP report)",
            e.getMessage());
        client.send(bytes("still?"));
        assertThrows(PortUnreachableException.class, client::receive, "reported once per send");
        return null;
      }
    });
  }

  /**
   * {@return the remaining bytes of {@code buffer}, copied}
   *
   * @param buffer the buffer, read from its position to its limit
   */
  protected static byte[] remaining(ByteBuffer buffer) {
    byte[] b = new byte[buffer.remaining()];
    buffer.get(b);
    return b;
  }

  /**
   * {@return {@code size} bytes that differ with {@code seed} and position}
   *
   * @param size the length
   * @param seed what makes this payload differ from others
   */
  protected static byte[] pattern(int size, int seed) {
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) {
      b[i] = (byte) (i * 31 + seed);
    }
    return b;
  }
}

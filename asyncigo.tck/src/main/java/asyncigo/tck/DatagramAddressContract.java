package asyncigo.tck;

import static asyncigo.tck.DatagramContract.ANY_LOOPBACK_PORT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import asyncigo.api.net.Datagram;
import asyncigo.api.net.DatagramEndpoint;
import asyncigo.api.net.DatagramOptions;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The datagram endpoint's addresses and options on every backend: what a connected endpoint may
 * send to, refused addresses and options, IPv6, every option at once. Runs through a one-line
 * subclass per backend, like {@link DatagramContract}.
 *
 * @since 0.1
 */
public abstract class DatagramAddressContract extends TransportFixture {
  @Test
  public void sendingWithoutATargetNeedsAConnectedEndpointAndAConnectedOneSendsOnlyToItsRemote() {
    run(loop -> {
      try (DatagramEndpoint a = loop.openDatagram(ANY_LOOPBACK_PORT);
          DatagramEndpoint b = loop.openDatagram(ANY_LOOPBACK_PORT,
              DatagramOptions.defaults().connect(a.localAddress()))) {
        IllegalStateException notConnected =
            assertThrows(IllegalStateException.class, () -> a.send(bytes("x")));
        assertEquals("the endpoint bound to " + a.localAddress() + " is not connected;"
            + " use send(payload, target) or DatagramOptions.connect", notConnected.getMessage());
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
            () -> b.send(bytes("x"), b.localAddress()));
        assertEquals("the endpoint is connected to " + a.localAddress() + " and cannot send to "
            + b.localAddress() + "; use send(payload)", other.getMessage());
        return null;
      }
    });
  }

  @Test
  public void badAddressesAndOptionsAreRefusedWithMessagesNamingThem() {
    run(loop -> {
      InetSocketAddress unresolved = InetSocketAddress.createUnresolved("example.invalid", 9);
      assertEquals("local address is unresolved: " + unresolved, assertThrows(
          IllegalArgumentException.class, () -> loop.openDatagram(unresolved)).getMessage());
      assertEquals("remote address is unresolved: " + unresolved, assertThrows(
          IllegalArgumentException.class,
          () -> DatagramOptions.defaults().connect(unresolved)).getMessage());
      assertEquals("receive buffer size must be 0 (system default) or positive, got -1",
          assertThrows(IllegalArgumentException.class,
              () -> DatagramOptions.defaults().receiveBufferSize(-1)).getMessage());
      try (DatagramEndpoint a = loop.openDatagram(ANY_LOOPBACK_PORT)) {
        assertEquals("target address is unresolved: " + unresolved, assertThrows(
            IllegalArgumentException.class, () -> a.send(new byte[1], unresolved)).getMessage());
        InetSocketAddress portZero = new InetSocketAddress("127.0.0.1", 0);
        assertEquals("target port must be from 1 to 65535: " + portZero, assertThrows(
            IllegalArgumentException.class, () -> a.send(new byte[1], portZero)).getMessage());
        InetSocketAddress v6 = new InetSocketAddress("::1", 9);
        assertEquals("an IPv4 endpoint (" + a.localAddress() + ") cannot send to the IPv6 address "
            + v6, assertThrows(IllegalArgumentException.class,
                () -> a.send(new byte[1], v6)).getMessage());
        BindException inUse = assertThrows(
            BindException.class, () -> loop.openDatagram(a.localAddress()));
        assertEquals(true, inUse.getMessage().startsWith("Address already in use"),
            inUse.getMessage());
      }
      return null;
    });
  }

  @Test
  public void ipv6EndpointsExchangeDatagramsAndAnIpv6WildcardEndpointReachesIpv4()
      throws IOException {
    InetSocketAddress v6Loopback = new InetSocketAddress("::1", 0);
    try (DatagramSocket probe = new DatagramSocket(v6Loopback)) {
      Assumptions.assumeTrue(probe.isBound());
    } catch (SocketException noIpv6) {
      Assumptions.abort("no IPv6 loopback here: " + noIpv6.getMessage());
    }
    run(loop -> {
      try (DatagramEndpoint a = loop.openDatagram(v6Loopback);
          DatagramEndpoint b = loop.openDatagram(v6Loopback);
          DatagramEndpoint wildcard = loop.openDatagram(new InetSocketAddress("::", 0));
          DatagramEndpoint v4 = loop.openDatagram(ANY_LOOPBACK_PORT)) {
        a.send(bytes("six"), b.localAddress());
        Datagram six = b.receive();
        assertEquals("six", text(six.payload()));
        assertEquals(a.localAddress(), six.sender());
        wildcard.send(bytes("mapped"), v4.localAddress());
        Datagram mapped = v4.receive();
        assertEquals("mapped", text(mapped.payload()));
        assertEquals(wildcard.localAddress().getPort(), mapped.sender().getPort());
        v4.send(bytes("back"), mapped.sender());
        Datagram back = wildcard.receive();
        assertEquals("back", text(back.payload()));
        assertEquals(v4.localAddress(), back.sender(), "an IPv4 sender reads as IPv4");
        return null;
      }
    });
  }

  @Test
  public void anEndpointWithEveryOptionSetStillEchoes() {
    run(loop -> {
      DatagramOptions options = DatagramOptions.defaults().broadcast(true).reuseAddress(true)
          .receiveBufferSize(256 * 1024).sendBufferSize(64 * 1024);
      try (DatagramEndpoint a = loop.openDatagram(ANY_LOOPBACK_PORT, options);
          DatagramEndpoint b = loop.openDatagram(ANY_LOOPBACK_PORT, options)) {
        a.send(bytes("opt"), b.localAddress());
        assertEquals("opt", text(b.receive().payload()));
        return null;
      }
    });
  }
}

package asyncigo.loop.net;

import static asyncigo.loop.net.TlsTesting.LOOPBACK;
import static asyncigo.loop.net.TlsTesting.onLoop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.net.TlsOptions;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The TLS options: verified by default, misuse named at once, wrong options refused early. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TlsOptionsTest {

  @Test
  void clientOptionsVerifyTheHostnameUntilTheNamedOptionTurnsItOff() {
    TlsOptions client = TlsOptions.client();
    assertTrue(client.verifiesHostname());
    assertTrue(client.context().isEmpty(), "the JDK's default context");
    assertEquals(TlsOptions.Role.CLIENT, client.role());
    assertEquals(Duration.ofSeconds(10), client.handshakeTimeout());
    TlsOptions unverified = client.withoutHostnameVerification();
    assertFalse(unverified.verifiesHostname());
    assertTrue(client.verifiesHostname(), "the options are immutable");
    assertEquals(
        "TlsOptions[client, without hostname verification, handshake timeout PT10S]",
        unverified.toString());
  }

  @Test
  void anOptionOfTheOtherRoleFailsNamingItAndWhichRoleTheOptionsHave() {
    TlsOptions server = TlsTesting.server();
    IllegalStateException serverName =
        assertThrows(IllegalStateException.class, () -> server.serverName("example.org"));
    assertEquals(
        "serverName applies to client options; these are server options (TlsOptions.server)",
        serverName.getMessage());
    assertThrows(IllegalStateException.class, server::withoutHostnameVerification);
    IllegalStateException clientAuth =
        assertThrows(
            IllegalStateException.class,
            () -> TlsOptions.client().clientAuth(TlsOptions.ClientAuth.NEED));
    assertEquals(
        "clientAuth applies to server options; these are client options (TlsOptions.client)",
        clientAuth.getMessage());
  }

  @Test
  void badValuesAreRejectedNamingThem() {
    TlsOptions client = TlsOptions.client();
    assertEquals(
        "handshake timeout must be positive: PT0S",
        assertThrows(IllegalArgumentException.class, () -> client.handshakeTimeout(Duration.ZERO))
            .getMessage());
    assertEquals(
        "an ALPN protocol name has 1 to 255 bytes, got \"\"",
        assertThrows(IllegalArgumentException.class, () -> client.applicationProtocols("h2", ""))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> client.protocols(new String[0]));
    assertThrows(IllegalArgumentException.class, () -> client.serverName(""));
    assertThrows(NullPointerException.class, () -> client.serverName(null));
    assertThrows(NullPointerException.class, () -> TlsOptions.server(null));
    assertEquals(List.of("h2", "http/1.1"), client.applicationProtocols("h2", "http/1.1")
        .applicationProtocols());
  }

  @Test
  void optionsOfTheWrongRoleOrAnUnsupportedProtocolFailBeforeAnythingIsOpened() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
      port = probe.getLocalPort(); // nobody listens once it is closed: a connect would be refused
    }
    onLoop(
        loop -> {
          IllegalArgumentException server =
              assertThrows(
                  IllegalArgumentException.class,
                  () -> loop.connect(LOOPBACK, port, TlsTesting.server()));
          assertTrue(server.getMessage().startsWith("connect needs client TLS options"),
              server.getMessage());
          IllegalArgumentException version =
              assertThrows(
                  IllegalArgumentException.class,
                  () -> loop.connect(LOOPBACK, port, TlsTesting.client().protocols("TLSv9")));
          assertTrue(
              version.getMessage()
                  .startsWith("TLS protocols not supported by the context: [TLSv9]"),
              version.getMessage());
          IllegalArgumentException client =
              assertThrows(
                  IllegalArgumentException.class,
                  () -> loop.listen(LOOPBACK, 0, TlsTesting.client(), s -> {}));
          assertTrue(client.getMessage().startsWith("listen needs server TLS options"),
              client.getMessage());
          return null;
        });
  }
}

package asyncigo.loop.net;

import static asyncigo.loop.net.TlsTesting.LOOPBACK;
import static asyncigo.loop.net.TlsTesting.bytes;
import static asyncigo.loop.net.TlsTesting.onLoop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.Server;
import asyncigo.api.net.TlsOptions;
import asyncigo.tck.TestCertificates;
import asyncigo.tck.TestCertificates.Leaf;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Each way a handshake fails surfaces as an {@link SSLHandshakeException} whose message starts
 * with what went wrong; the client's connection is closed, and a server never runs its handler
 * for a connection whose handshake failed, nor reports it.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TlsHandshakeFailureTest {

  @Test
  void aCertificateForAnotherNameIsAHostnameMismatch() {
    assertClientFails(
        TlsTesting.server(Leaf.WRONG_HOST), TlsTesting.client(), "hostname mismatch: ");
  }

  @Test
  void turningHostnameVerificationOffAcceptsACertificateForAnotherName() {
    onLoop(
        loop -> {
          Server server =
              loop.listen(LOOPBACK, 0, TlsTesting.server(Leaf.WRONG_HOST), TlsTesting::echo);
          AsyncStream client =
              loop.connect(
                  LOOPBACK,
                  server.localAddress().getPort(),
                  TlsTesting.client().withoutHostnameVerification());
          client.write(bytes("ping")).await();
          assertEquals("ping", TlsTesting.text(client.readExactly(4)));
          client.close();
          server.closeAll();
          return null;
        });
  }

  @Test
  void aSelfSignedCertificateIsAnUnknownCa() {
    assertClientFails(TlsTesting.server(Leaf.UNTRUSTED), TlsTesting.client(), "unknown CA: ");
  }

  @Test
  void theJdksDefaultTrustDoesNotKnowTheTestCa() {
    assertClientFails(TlsTesting.server(), TlsOptions.client(), "unknown CA: ");
  }

  @Test
  void anExpiredCertificateSaysSo() {
    assertClientFails(
        TlsTesting.server(Leaf.EXPIRED), TlsTesting.client(), "certificate expired: ");
  }

  @Test
  void noVersionInCommonIsAProtocolMismatch() {
    assertClientFails(
        TlsTesting.server().protocols("TLSv1.3"),
        TlsTesting.client().protocols("TLSv1.2"),
        "protocol mismatch: ");
  }

  @Test
  void aServerCertificateNotMeantForServersIsABadCertificate() {
    assertClientFails(
        TlsTesting.server(Leaf.CLIENT_ONLY),
        TlsTesting.client(),
        "bad certificate: the certificate of 127.0.0.1:");
  }

  @Test
  void aServerThatRejectsTheClientsCertificateIsABadCertificateOnTls12() {
    TlsOptions expiredClient =
        TlsOptions.client(TestCertificates.get().clientContextWithCertificate(Leaf.EXPIRED))
            .protocols("TLSv1.2");
    assertClientFails(
        TlsTesting.server().clientAuth(TlsOptions.ClientAuth.NEED),
        expiredClient,
        "bad certificate: 127.0.0.1:");
  }

  /** TLS 1.3 clients finish before the server checks their certificate: the first read fails. */
  @Test
  void aServerThatNeedsAClientCertificateRefusesAClientWithoutOneOnTls13AtItsFirstRead() {
    onLoop(
        loop -> {
          Server server =
              loop.listen(
                  LOOPBACK,
                  0,
                  TlsTesting.server().clientAuth(TlsOptions.ClientAuth.NEED),
                  TlsTesting::echo);
          AsyncStream client =
              loop.connect(LOOPBACK, server.localAddress().getPort(), TlsTesting.client());
          SSLHandshakeException e = assertThrows(SSLHandshakeException.class, () -> client.read(1));
          assertTrue(
              e.getMessage().startsWith(
                  "bad certificate: the server requires a client certificate and none was sent ("),
              e.getMessage());
          assertEquals(e, assertThrows(SSLHandshakeException.class, () -> client.read(1)));
          client.close();
          server.closeAll();
          return null;
        });
  }

  @Test
  void aPeerThatIsNotTlsSaysSo() throws IOException {
    try (ServerSocket http = new ServerSocket(0, 50, InetAddress.getByName(LOOPBACK))) {
      onLoop(
          loop -> {
            Future<Void> peer =
                loop.toThread(
                    () -> {
                      try (Socket s = http.accept()) {
                        s.getOutputStream().write(bytes("HTTP/1.1 400 Bad Request\r\n\r\n"));
                        s.getInputStream().readAllBytes();
                      }
                      return null;
                    });
            SSLHandshakeException e =
                assertThrows(
                    SSLHandshakeException.class,
                    () -> loop.connect(LOOPBACK, http.getLocalPort(), TlsTesting.client()));
            assertTrue(e.getMessage().startsWith("not TLS: 127.0.0.1:"), e.getMessage());
            peer.await();
            return null;
          });
    }
  }

  @Test
  void aPeerThatNeverAnswersTimesOutAfterTheHandshakeTimeout() throws IOException {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName(LOOPBACK))) {
      onLoop(
          loop -> {
            Future<Socket> accepted = loop.toThread(silent::accept);
            TlsOptions quick = TlsTesting.client().handshakeTimeout(Duration.ofMillis(200));
            SSLHandshakeException e =
                assertThrows(
                    SSLHandshakeException.class,
                    () -> loop.connect(LOOPBACK, silent.getLocalPort(), quick));
            assertEquals(
                "TLS handshake with 127.0.0.1:" + silent.getLocalPort() + " timed out after 200 ms",
                e.getMessage());
            try (Socket peer = accepted.await()) {
              assertEquals(-1, loop.toThread(() -> readUntilEnd(peer)).await(),
                  "the client closed its connection");
            }
            return null;
          });
    }
  }

  @Test
  void aServerNeverRunsItsHandlerForAFailedHandshakeNorReportsIt() {
    onLoop(
        loop -> {
          List<String> handled = new ArrayList<>();
          Server server =
              loop.listen(
                  LOOPBACK,
                  0,
                  TlsTesting.server(),
                  s -> {
                    handled.add("handler ran");
                    TlsTesting.echo(s);
                  });
          int port = server.localAddress().getPort();
          for (int i = 0; i < 3; i++) {
            assertThrows(
                SSLHandshakeException.class,
                () -> loop.connect(LOOPBACK, port, TlsTesting.client().protocols("TLSv1.1")
                    .serverName("localhost")));
            assertThrows(
                SSLHandshakeException.class,
                () -> loop.connect(LOOPBACK, port, TlsOptions.client()));
          }
          AsyncStream good = loop.connect(LOOPBACK, port, TlsTesting.client());
          good.shutdownOutput();
          assertNull(good.read(1));
          good.close();
          eventually(loop, () -> server.connections() == 0);
          assertEquals(List.of("handler ran"), handled, "only the good connection was handled");
          server.close();
          return null;
        });
  }

  private static void assertClientFails(TlsOptions server, TlsOptions client, String start) {
    onLoop(
        loop -> {
          List<String> handled = new ArrayList<>();
          Server listening =
              loop.listen(LOOPBACK, 0, server, s -> handled.add("handled"));
          SSLHandshakeException e =
              assertThrows(
                  SSLHandshakeException.class,
                  () -> loop.connect(LOOPBACK, listening.localAddress().getPort(), client));
          assertTrue(e.getMessage().startsWith(start), e.getMessage());
          assertTrue(e.getMessage().endsWith(")"), "the JDK's words follow: " + e.getMessage());
          eventually(loop, () -> listening.connections() == 0);
          assertEquals(List.of(), handled);
          listening.close();
          return null;
        });
  }

  private static int readUntilEnd(Socket socket) throws IOException {
    socket.setSoTimeout(10_000);
    while (socket.getInputStream().read() >= 0) {
      // the ClientHello
    }
    return -1;
  }

  private static void eventually(Loop loop, java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "timed out");
      loop.sleep(Duration.ofMillis(1));
    }
  }
}

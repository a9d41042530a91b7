package asyncigo.loop.net;

import static asyncigo.loop.net.TlsTesting.LOOPBACK;
import static asyncigo.loop.net.TlsTesting.bytes;
import static asyncigo.loop.net.TlsTesting.onLoop;
import static asyncigo.loop.net.TlsTesting.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.Promise;
import asyncigo.api.Task;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.Pipe;
import asyncigo.api.net.Server;
import asyncigo.api.net.StreamHandler;
import asyncigo.api.net.TlsOptions;
import asyncigo.tck.TestCertificates.Leaf;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code startTls}: a plaintext stream becomes a TLS stream in place, SMTP-style. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StartTlsTest {

  /** The server of an SMTP-like protocol: "STARTTLS" upgrades, then each line is echoed. */
  private static StreamHandler starttlsServer(TlsOptions tls) {
    return s -> {
      if (!"STARTTLS\n".equals(text(s.readLine()))) {
        throw new IllegalStateException("expected STARTTLS");
      }
      s.write(bytes("220 go ahead\n"));
      s.startTls(tls);
      TlsTesting.echo(s);
    };
  }

  @Test
  void aPlaintextConversationContinuesOverTlsOnTheSameStreams() {
    onLoop(
        loop -> {
          Server server = loop.listen(LOOPBACK, 0, starttlsServer(TlsTesting.server()));
          AsyncStream client = loop.connect(LOOPBACK, server.localAddress().getPort());
          client.write(bytes("STARTTLS\n"));
          assertEquals("220 go ahead\n", text(client.readLine()));
          assertEquals(Optional.empty(), client.tlsSession());
          client.startTls(TlsTesting.client());
          assertEquals("TLSv1.3", client.tlsSession().orElseThrow().protocol());
          client.write(bytes("secret\n"));
          assertEquals("secret\n", text(client.readLine()));
          client.shutdownOutput();
          assertEquals(0, client.readAll().length);
          client.close();
          server.close();
          return null;
        });
  }

  /**
   * The client sends STARTTLS and its ClientHello at once (it does not wait for an answer); the
   * server reads the line only once both arrived, so the ClientHello sits in the stream's buffer
   * behind the line, and the handshake must start from it.
   */
  @Test
  void tlsRecordsBufferedBehindThePlaintextAreTheHandshakesFirstInput() {
    onLoop(
        loop -> {
          Promise<Void> helloSent = loop.newFuture();
          Promise<String> secret = loop.newFuture();
          Server server =
              loop.listen(
                  LOOPBACK,
                  0,
                  s -> {
                    helloSent.await();
                    assertEquals("STARTTLS\n", text(s.readLine()));
                    s.startTls(TlsTesting.server());
                    secret.complete(text(s.readLine()));
                  });
          AsyncStream client = loop.connect(LOOPBACK, server.localAddress().getPort());
          client.write(bytes("STARTTLS\n"));
          Task<Void> upgrade =
              loop.spawn(
                  () -> {
                    client.startTls(TlsTesting.client());
                    client.write(bytes("after the upgrade\n"));
                    return null;
                  });
          untilWaiting(loop, upgrade); // the ClientHello is out; the ServerHello cannot come yet
          helloSent.complete(null);
          upgrade.await();
          assertEquals("after the upgrade\n", secret.await());
          client.close();
          server.close();
          return null;
        });
  }

  @Test
  void aFailedUpgradeClosesTheStream() {
    onLoop(
        loop -> {
          Server server =
              loop.listen(LOOPBACK, 0, starttlsServer(TlsTesting.server(Leaf.UNTRUSTED)));
          AsyncStream client = loop.connect(LOOPBACK, server.localAddress().getPort());
          client.write(bytes("STARTTLS\n"));
          assertEquals("220 go ahead\n", text(client.readLine()));
          SSLHandshakeException e =
              assertThrows(SSLHandshakeException.class, () -> client.startTls(TlsTesting.client()));
          assertTrue(e.getMessage().startsWith("unknown CA: "), e.getMessage());
          assertTrue(client.isClosed());
          server.close();
          return null;
        });
  }

  @Test
  void misuseFailsNamingItAndLeavesThePlaintextStreamWorking() {
    onLoop(
        loop -> {
          Server server = loop.listen(LOOPBACK, 0, TlsTesting::echo);
          AsyncStream client = loop.connect(LOOPBACK, server.localAddress().getPort());
          Task<byte[]> reader = loop.spawn(client::readLine);
          untilWaiting(loop, reader);
          assertEquals(
              "startTls while another task is reading the stream",
              assertThrows(IllegalStateException.class, () -> client.startTls(TlsTesting.client()))
                  .getMessage());
          client.write(bytes("still plaintext\n"));
          assertEquals("still plaintext\n", text(reader.await()));
          client.shutdownOutput();
          assertEquals(
              "startTls after shutdownOutput: the output is shut down",
              assertThrows(IllegalStateException.class, () -> client.startTls(TlsTesting.client()))
                  .getMessage());
          assertFalse(client.isClosed());
          client.close();

          Pipe pipe = loop.pipe();
          assertThrows(
              UnsupportedOperationException.class,
              () -> pipe.source().startTls(TlsTesting.client()));
          pipe.source().close();
          pipe.sink().close();
          server.close();
          return null;
        });
  }

  @Test
  void anAcceptedStreamNeedsAServerNameToUpgradeAsAClient() {
    onLoop(
        loop -> {
          Promise<String> refusal = loop.newFuture();
          Server server =
              loop.listen(
                  LOOPBACK,
                  0,
                  s -> {
                    IllegalStateException e =
                        assertThrows(
                            IllegalStateException.class, () -> s.startTls(TlsTesting.client()));
                    refusal.complete(e.getMessage());
                    s.write(bytes("plaintext still works\n"));
                  });
          AsyncStream client = loop.connect(LOOPBACK, server.localAddress().getPort());
          assertEquals("plaintext still works\n", text(client.readLine()));
          assertTrue(refusal.await().startsWith("a TLS client checks the server's certificate"),
              refusal.await());
          client.close();
          server.close();
          return null;
        });
  }

  @Test
  void aStreamThatAlreadySpeaksTlsCannotStartItAgain() {
    onLoop(
        loop -> {
          Server server = loop.listen(LOOPBACK, 0, TlsTesting.server(), TlsTesting::echo);
          AsyncStream client =
              loop.connect(LOOPBACK, server.localAddress().getPort(), TlsTesting.client());
          assertEquals(
              "the stream already speaks TLS",
              assertThrows(IllegalStateException.class, () -> client.startTls(TlsTesting.client()))
                  .getMessage());
          client.close();
          server.close();
          return null;
        });
  }

  /** Sleeps in 1 ms steps until {@code task} waits on a future; fails after 10 seconds. */
  private static void untilWaiting(Loop loop, Task<?> task) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (task.awaiting().isEmpty()) {
      assertTrue(System.nanoTime() < deadline, task.name() + " never waited");
      loop.sleep(Duration.ofMillis(1));
    }
  }
}

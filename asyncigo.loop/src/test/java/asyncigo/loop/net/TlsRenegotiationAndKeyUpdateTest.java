package asyncigo.loop.net;

import static asyncigo.loop.net.TlsTesting.LOOPBACK;
import static asyncigo.loop.net.TlsTesting.bytes;
import static asyncigo.loop.net.TlsTesting.onLoop;
import static asyncigo.loop.net.TlsTesting.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.Future;
import asyncigo.api.Promise;
import asyncigo.api.Task;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.Server;
import asyncigo.tck.TestCertificates;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Random;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A TLS 1.2 peer's attempt to handshake again is refused, from either side; TLS 1.3 key updates
 * go on unseen through a long transfer ({@link TestCertificates} lowers the key usage limit to 4
 * MiB, so 64 MiB each way crosses many of them).
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TlsRenegotiationAndKeyUpdateTest {
  private static final int TRANSFER = 64 << 20;

  /**
   * The server reads only once the new ClientHello has arrived behind the line: the read that
   * meets the refusal still returns the line first.
   */
  @Test
  void aClientThatStartsANewTls12HandshakeIsRefusedAfterTheBytesBeforeIt() throws Exception {
    onLoop(
        loop -> {
          Promise<String> refused = loop.newFuture();
          Promise<Void> helloSent = loop.newFuture();
          Server server =
              loop.listen(
                  LOOPBACK,
                  0,
                  TlsTesting.server(),
                  s -> {
                    try {
                      helloSent.await();
                      String first = text(s.readLine());
                      SSLException e = assertThrows(SSLException.class, s::readLine);
                      assertSame(e, s.write(bytes("x")).exceptionNow(), "writes fail with it too");
                      refused.complete(first + e.getMessage());
                    } catch (Throwable t) {
                      refused.fail(t);
                    }
                  });
          int port = server.localAddress().getPort();
          Future<Integer> peer =
              loop.toThread(
                  () -> {
                    try (Socket plain = new Socket(LOOPBACK, port)) {
                      SSLSocket s = jdkClient(plain);
                      s.getOutputStream().write(bytes("before\n"));
                      s.startHandshake(); // a renegotiation: sends a new ClientHello
                      loop.callSoonThreadsafe(() -> helloSent.complete(null));
                      return readUntilRefused(s);
                    }
                  });
          assertTrue(
              refused.await().matches(
                  "before\nTLS renegotiation refused: 127\\.0\\.0\\.1:[0-9]+ started a new"
                      + " handshake on TLSv1\\.2"),
              refused.await());
          assertEquals(-1, peer.await(), "the peer's connection ended");
          server.close();
          return null;
        });
  }

  @Test
  void aServerThatStartsANewTls12HandshakeIsRefused() throws Exception {
    try (ServerSocket raw = new ServerSocket(0, 50, InetAddress.getByName(LOOPBACK))) {
      onLoop(
          loop -> {
            Future<Integer> peer =
                loop.toThread(
                    () -> {
                      try (SSLSocket s = TlsStreamTest.jdkServer(raw.accept())) {
                        s.getOutputStream().write(bytes("hello\n"));
                        s.startHandshake(); // a renegotiation: a HelloRequest
                        return readUntilRefused(s);
                      }
                    });
            AsyncStream stream =
                loop.connect(
                    LOOPBACK, raw.getLocalPort(), TlsTesting.client().protocols("TLSv1.2"));
            assertEquals("hello\n", text(stream.readLine()));
            SSLException e = assertThrows(SSLException.class, stream::readLine);
            assertEquals(
                "TLS renegotiation refused: 127.0.0.1:" + raw.getLocalPort()
                    + " started a new handshake on TLSv1.2",
                e.getMessage());
            stream.close();
            assertEquals(-1, peer.await(), "the peer's connection ended");
            return null;
          });
    }
  }

  @Test
  void sixtyFourMebibytesEachWayCrossKeyUpdatesIntact() {
    byte[][] sent = new byte[1][];
    byte[][] received = new byte[1][];
    onLoop(
        loop -> {
          Server server =
              loop.listen(
                  LOOPBACK,
                  0,
                  TlsTesting.server(),
                  s -> {
                    ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
                    while (s.read(buffer.clear()) >= 0) {
                      s.write(buffer.flip());
                      s.drain();
                    }
                    s.shutdownOutput();
                  });
          AsyncStream stream =
              loop.connect(LOOPBACK, server.localAddress().getPort(), TlsTesting.client());
          assertEquals("TLSv1.3", stream.tlsSession().orElseThrow().protocol());
          Task<byte[]> writer = loop.spawn(() -> send(stream));
          MessageDigest echoed = MessageDigest.getInstance("SHA-256");
          ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
          long total = 0;
          int n;
          while ((n = stream.read(buffer.clear())) >= 0) {
            echoed.update(buffer.array(), 0, n);
            total += n;
          }
          assertEquals(TRANSFER, total);
          sent[0] = writer.await();
          received[0] = echoed.digest();
          stream.close();
          server.close();
          return null;
        });
    assertArrayEquals(sent[0], received[0]);
  }

  private static byte[] send(AsyncStream stream) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    Random random = new Random(64);
    byte[] chunk = new byte[64 * 1024];
    for (int sent = 0; sent < TRANSFER; sent += chunk.length) {
      random.nextBytes(chunk);
      digest.update(chunk);
      stream.write(ByteBuffer.wrap(chunk));
      stream.drain();
    }
    stream.shutdownOutput();
    return digest.digest();
  }

  private static SSLSocket jdkClient(Socket plain) throws IOException {
    plain.setTcpNoDelay(true);
    SSLSocket s =
        (SSLSocket) TestCertificates.get().clientContext().getSocketFactory()
            .createSocket(plain, LOOPBACK, plain.getPort(), false);
    s.setEnabledProtocols(new String[] {"TLSv1.2"});
    s.startHandshake();
    return s;
  }

  /** Reads until the connection ends; -1 whether it ended cleanly or with an exception. */
  private static int readUntilRefused(SSLSocket s) {
    try {
      while (s.getInputStream().read() >= 0) {
        // whatever came before the refusal
      }
    } catch (IOException ended) {
      // the refusing side closed the connection without close_notify
    }
    return -1;
  }
}

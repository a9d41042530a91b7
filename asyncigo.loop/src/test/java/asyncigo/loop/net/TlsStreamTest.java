package asyncigo.loop.net;

import static asyncigo.loop.net.TlsTesting.LOOPBACK;
import static asyncigo.loop.net.TlsTesting.bytes;
import static asyncigo.loop.net.TlsTesting.onLoop;
import static asyncigo.loop.net.TlsTesting.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.Future;
import asyncigo.api.Promise;
import asyncigo.api.Task;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.Server;
import asyncigo.api.net.TlsOptions;
import asyncigo.api.net.TlsSession;
import asyncigo.tck.TestCertificates;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.Random;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a TLS stream adds to a plaintext one: session facts, close_notify, truncation, buffers. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TlsStreamTest {

  @Test
  void bothEndsReportTheSessionTheHandshakeSettled() {
    onLoop(
        loop -> {
          Promise<TlsSession> served = loop.newFuture();
          Server server =
              loop.listen(
                  LOOPBACK,
                  0,
                  TlsTesting.server()
                      .applicationProtocols("http/1.1", "h2")
                      .clientAuth(TlsOptions.ClientAuth.NEED),
                  s -> served.complete(s.tlsSession().orElseThrow()));
          TlsOptions client =
              TlsOptions.client(TestCertificates.get().clientContextWithCertificate())
                  .applicationProtocols("h2", "http/1.1");
          AsyncStream stream = loop.connect(LOOPBACK, server.localAddress().getPort(), client);
          TlsSession session = stream.tlsSession().orElseThrow();
          assertEquals("TLSv1.3", session.protocol());
          assertTrue(session.cipherSuite().startsWith("TLS_"), session.cipherSuite());
          assertEquals(Optional.of("http/1.1"), session.applicationProtocol(), "the server's pick");
          assertEquals(2, session.peerCertificates().size(), "the server's leaf and CA");
          assertEquals(
              "CN=localhost",
              ((X509Certificate) session.peerCertificates().get(0)).getSubjectX500Principal()
                  .getName());
          TlsSession serverSide = served.await();
          assertEquals(session.cipherSuite(), serverSide.cipherSuite());
          assertEquals(Optional.of("http/1.1"), serverSide.applicationProtocol());
          assertEquals(
              TestCertificates.get().caCertificate(), serverSide.peerCertificates().get(1),
              "the client's chain");
          assertTrue(stream.toString().contains("TLSv1.3"), stream.toString());
          stream.close();
          server.close();
          return null;
        });
  }

  @Test
  void aClientThatAsksForTls12GetsIt() {
    onLoop(
        loop -> {
          Server server = loop.listen(LOOPBACK, 0, TlsTesting.server(), TlsTesting::echo);
          AsyncStream stream =
              loop.connect(
                  LOOPBACK,
                  server.localAddress().getPort(),
                  TlsTesting.client().protocols("TLSv1.2"));
          TlsSession session = stream.tlsSession().orElseThrow();
          assertEquals("TLSv1.2", session.protocol());
          assertEquals(Optional.empty(), session.applicationProtocol(), "no ALPN asked for");
          stream.write(bytes("over TLS 1.2\n"));
          assertEquals("over TLS 1.2\n", text(stream.readLine()));
          stream.close();
          server.close();
          return null;
        });
  }

  /**
   * TLS 1.2 has no half-close (RFC 5246 7.2.1): the JDK answers close_notify with its own and
   * closes its output, so the side that shut its output down reads end of stream next.
   */
  @Test
  void onTls12ShutdownOutputEndsBothDirections() {
    onLoop(
        loop -> {
          Promise<String> served = loop.newFuture();
          Server server =
              loop.listen(
                  LOOPBACK,
                  0,
                  TlsTesting.server(),
                  s -> {
                    byte[] all = s.readAll();
                    Future<Void> late = s.write(bytes("late"));
                    served.complete(text(all) + " / " + late.exceptionNow().getMessage());
                  });
          AsyncStream stream =
              loop.connect(
                  LOOPBACK,
                  server.localAddress().getPort(),
                  TlsTesting.client().protocols("TLSv1.2"));
          stream.write(bytes("bye"));
          stream.shutdownOutput();
          assertEquals(0, stream.readAll().length);
          assertEquals("bye / the TLS session is closed for writing", served.await());
          stream.close();
          server.close();
          return null;
        });
  }

  @Test
  void aPlaintextStreamHasNoTlsSession() {
    onLoop(
        loop -> {
          Server server = loop.listen(LOOPBACK, 0, TlsTesting::echo);
          AsyncStream stream = loop.connect(LOOPBACK, server.localAddress().getPort());
          assertEquals(Optional.empty(), stream.tlsSession());
          stream.close();
          server.close();
          return null;
        });
  }

  @Test
  void shutdownOutputSendsCloseNotifyAndAJdkPeerReadsEndOfStreamThenAnswers() throws Exception {
    try (ServerSocket raw = new ServerSocket(0, 50, InetAddress.getByName(LOOPBACK))) {
      onLoop(
          loop -> {
            Future<String> peer =
                loop.toThread(
                    () -> {
                      try (SSLSocket s = jdkServer(raw.accept())) {
                        String got = new String(s.getInputStream().readAllBytes());
                        s.getOutputStream().write(bytes("read " + got.length() + " bytes"));
                        return got;
                      }
                    });
            AsyncStream stream = loop.connect(LOOPBACK, raw.getLocalPort(), TlsTesting.client());
            stream.write(bytes("half-closed"));
            stream.shutdownOutput();
            assertEquals(
                "read 11 bytes", text(stream.readAll()), "the peer's close_notify ends it");
            assertEquals("half-closed", peer.await());
            stream.close();
            return null;
          });
    }
  }

  @Test
  void aPeerThatClosesWithoutCloseNotifyTruncatedTheStream() throws Exception {
    try (ServerSocket raw = new ServerSocket(0, 50, InetAddress.getByName(LOOPBACK))) {
      onLoop(
          loop -> {
            Future<Void> peer =
                loop.toThread(
                    () -> {
                      try (Socket plain = raw.accept()) {
                        SSLSocket s = jdkServer(plain);
                        s.getOutputStream().write(bytes("partial"));
                        s.getOutputStream().flush();
                      } // the TCP socket closes; the TLS socket never sends close_notify
                      return null;
                    });
            AsyncStream stream = loop.connect(LOOPBACK, raw.getLocalPort(), TlsTesting.client());
            peer.await();
            SSLException e = assertThrows(SSLException.class, stream::readAll);
            assertEquals(
                "127.0.0.1:" + raw.getLocalPort()
                    + " closed the connection without close_notify (truncation)",
                e.getMessage());
            assertEquals("partial", text(stream.read(100)), "the bytes before it stay readable");
            assertSame(e, assertThrows(SSLException.class, () -> stream.read(100)));
            stream.close();
            return null;
          });
    }
  }

  @Test
  void closeSendsCloseNotifySoTheReaderSeesACleanEnd() {
    onLoop(
        loop -> {
          Server server =
              loop.listen(LOOPBACK, 0, TlsTesting.server(), s -> s.write(new byte[3 << 20]));
          AsyncStream stream =
              loop.connect(LOOPBACK, server.localAddress().getPort(), TlsTesting.client());
          assertEquals(3 << 20, stream.readAll().length, "every byte, then a clean end");
          stream.close();
          server.close();
          return null;
        });
  }

  @Test
  void aReaderWhoseBufferIsSmallerThanARecordGetsEveryByte() {
    byte[] data = new byte[100_000];
    new Random(7).nextBytes(data);
    byte[] received =
        onLoop(
            loop -> {
              Server server =
                  loop.listen(
                      LOOPBACK,
                      0,
                      TlsTesting.server(),
                      s -> {
                        s.write(data);
                        s.shutdownOutput();
                      });
              AsyncStream stream =
                  loop.connect(LOOPBACK, server.localAddress().getPort(), TlsTesting.client());
              ByteArrayOutputStream all = new ByteArrayOutputStream();
              ByteBuffer small = ByteBuffer.allocate(100);
              int n;
              while ((n = stream.read(small.clear())) >= 0) {
                assertTrue(n >= 1 && n <= 100, "read of " + n);
                all.write(small.array(), 0, n);
              }
              stream.close();
              server.close();
              return all.toByteArray();
            });
    assertArrayEquals(data, received);
  }

  @Test
  void drainWaitsUntilTheOutputFallsToTheLowWaterMark() {
    onLoop(
        loop -> {
          Promise<Void> startReading = loop.newFuture();
          Server server =
              loop.listen(
                  LOOPBACK,
                  0,
                  TlsTesting.server(),
                  s -> {
                    startReading.await();
                    TlsTesting.echo(s);
                  });
          AsyncStream stream =
              loop.connect(LOOPBACK, server.localAddress().getPort(), TlsTesting.client());
          stream.writeLimits(64 * 1024, 16 * 1024);
          Future<Void> written = stream.write(new byte[16 << 20]);
          assertTrue(stream.pendingOutput() > 64 * 1024, "the kernel cannot take 16 MiB at once");
          Task<Integer> drainer =
              loop.spawn(
                  () -> {
                    stream.drain();
                    return stream.pendingOutput();
                  });
          Task<Integer> reader = loop.spawn(() -> stream.readExactly(16 << 20).length);
          loop.yieldNow();
          assertFalse(drainer.isDone(), "nobody reads yet");
          startReading.complete(null);
          assertTrue(drainer.await() <= 16 * 1024, "resumed at the low-water mark");
          written.await();
          assertEquals(16 << 20, reader.await());
          stream.close();
          server.closeAll();
          return null;
        });
  }

  @Test
  void aLineSplitAcrossManyRecordsIsOneLine() {
    onLoop(
        loop -> {
          Server server =
              loop.listen(
                  LOOPBACK,
                  0,
                  TlsTesting.server(),
                  s -> {
                    for (int i = 0; i < 1000; i++) {
                      s.write(bytes("x"));
                    }
                    s.write(bytes("\n"));
                  });
          AsyncStream stream =
              loop.connect(LOOPBACK, server.localAddress().getPort(), TlsTesting.client());
          assertEquals("x".repeat(1000) + "\n", text(stream.readLine()));
          assertNull(stream.readLine());
          stream.close();
          server.close();
          return null;
        });
  }

  /** A JDK server socket over {@code plain} (closing it closes plain), after its handshake. */
  static SSLSocket jdkServer(Socket plain) throws Exception {
    plain.setTcpNoDelay(true);
    SSLSocket tls =
        (SSLSocket) TestCertificates.get().serverContext().getSocketFactory()
            .createSocket(plain, null, plain.getPort(), true);
    tls.setUseClientMode(false);
    tls.startHandshake();
    return tls;
  }
}

package asyncigo.loop.net;

import static asyncigo.loop.net.TlsTesting.LOOPBACK;
import static asyncigo.loop.net.TlsTesting.bytes;
import static asyncigo.loop.net.TlsTesting.onLoop;
import static asyncigo.loop.net.TlsTesting.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import asyncigo.api.Future;
import asyncigo.api.Promise;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.Server;
import asyncigo.tck.TestCertificates;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** TLS against an implementation that is not ours: the JDK's blocking SSLSocket, both sides. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TlsInteropTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
  void aJdkSslSocketClientTalksToAnAsyncigoServer(String protocol) {
    onLoop(
        loop -> {
          Promise<String> served = loop.newFuture();
          Server server =
              loop.listen(
                  LOOPBACK,
                  0,
                  TlsTesting.server(),
                  s -> {
                    served.complete(s.tlsSession().orElseThrow().protocol());
                    s.write(s.readLine());
                  });
          int port = server.localAddress().getPort();
          Future<String> reply =
              loop.toThread(
                  () -> {
                    try (Socket plain = new Socket(LOOPBACK, port)) {
                      SSLSocket s =
                          (SSLSocket) TestCertificates.get().clientContext().getSocketFactory()
                              .createSocket(plain, "localhost", port, true);
                      SSLParameters parameters = s.getSSLParameters();
                      parameters.setEndpointIdentificationAlgorithm("HTTPS");
                      parameters.setProtocols(new String[] {protocol});
                      s.setSSLParameters(parameters);
                      s.getOutputStream().write(bytes("hello from the JDK\n"));
                      return new BufferedReader(
                              new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))
                          .readLine();
                    }
                  });
          assertEquals("hello from the JDK", reply.await());
          assertEquals(protocol, served.await());
          server.close();
          return null;
        });
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
  void anAsyncigoClientTalksToAJdkSslServerSocket(String protocol) throws Exception {
    try (SSLServerSocket listening =
        (SSLServerSocket) TestCertificates.get().serverContext().getServerSocketFactory()
            .createServerSocket(0, 50, InetAddress.getByName(LOOPBACK))) {
      listening.setEnabledProtocols(new String[] {protocol});
      onLoop(
          loop -> {
            Future<Void> peer =
                loop.toThread(
                    () -> {
                      try (Socket s = listening.accept()) {
                        String line =
                            new BufferedReader(
                                    new InputStreamReader(
                                        s.getInputStream(), StandardCharsets.UTF_8))
                                .readLine();
                        OutputStream out = s.getOutputStream();
                        out.write(bytes(line.toUpperCase() + "\n"));
                        out.flush();
                      }
                      return null;
                    });
            AsyncStream stream =
                loop.connect("localhost", listening.getLocalPort(), TlsTesting.client());
            assertEquals(protocol, stream.tlsSession().orElseThrow().protocol());
            stream.write(bytes("hello from asyncigo\n"));
            assertEquals("HELLO FROM ASYNCIGO\n", text(stream.readLine()));
            peer.await();
            stream.close();
            return null;
          });
    }
  }
}

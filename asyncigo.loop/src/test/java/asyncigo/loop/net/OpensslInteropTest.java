package asyncigo.loop.net;

import static asyncigo.loop.net.TlsTesting.LOOPBACK;
import static asyncigo.loop.net.TlsTesting.bytes;
import static asyncigo.loop.net.TlsTesting.onLoop;
import static asyncigo.loop.net.TlsTesting.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.Server;
import asyncigo.tck.TestCertificates;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TLS against OpenSSL's command-line tools: {@code openssl s_server} as the server of an asyncigo
 * client, {@code openssl s_client} as the client of an asyncigo server. Skipped, saying so, where
 * {@code openssl} is not installed ({@code apt-get install openssl}).
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OpensslInteropTest {
  private static final Pattern ACCEPT = Pattern.compile("ACCEPT .*:([0-9]+)");

  @TempDir static Path pem;

  @BeforeAll
  static void requireOpenssl() throws IOException {
    boolean installed;
    try {
      Process version = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
      installed = version.waitFor(10, TimeUnit.SECONDS) && version.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      installed = false;
    }
    Assumptions.assumeTrue(
        installed, "openssl is not installed (apt-get install openssl): interop tests skipped");
    TestCertificates.get().writePem(pem);
  }

  /** {@code s_server -rev} sends each line back reversed. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"-tls1_3", "-tls1_2"})
  void anAsyncigoClientTalksToOpensslSServer(String version) throws Exception {
    Process server =
        new ProcessBuilder(
                "openssl", "s_server", "-accept", "0", "-naccept", "1", "-rev", version,
                "-cert", pem.resolve("server.pem").toString(),
                "-key", pem.resolve("server-key.pem").toString())
            .redirectErrorStream(true)
            .start();
    try {
      int port = acceptedPort(server);
      onLoop(
          loop -> {
            AsyncStream stream = loop.connect(LOOPBACK, port, TlsTesting.client());
            assertEquals(
                version.equals("-tls1_3") ? "TLSv1.3" : "TLSv1.2",
                stream.tlsSession().orElseThrow().protocol());
            stream.write(bytes("hello openssl\n"));
            assertEquals("lssnepo olleh\n", text(stream.readLine()));
            stream.close();
            return null;
          });
      assertTrue(server.waitFor(10, TimeUnit.SECONDS), "s_server served its one connection");
    } finally {
      server.destroy();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"-tls1_3", "-tls1_2"})
  void anOpensslSClientTalksToAnAsyncigoServer(String version) {
    String output =
        onLoop(
            loop -> {
              Server server =
                  loop.listen(LOOPBACK, 0, TlsTesting.server(), s -> s.write(s.readLine()));
              List<String> command =
                  new ArrayList<>(List.of(
                      "openssl", "s_client", "-connect",
                      LOOPBACK + ":" + server.localAddress().getPort(), version, "-quiet",
                      "-CAfile", pem.resolve("ca.pem").toString(),
                      "-verify_return_error", "-verify_hostname", "localhost"));
              String printed =
                  loop.toThread(
                          () -> {
                            Process client = new ProcessBuilder(command).start();
                            client.getOutputStream().write(bytes("hello\n"));
                            client.getOutputStream().close();
                            String out =
                                new String(
                                    client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                            client.waitFor(10, TimeUnit.SECONDS);
                            return out;
                          })
                      .await();
              server.close();
              return printed;
            });
    assertEquals("hello\n", output);
  }

  /** The port {@code s_server} prints once it listens ("ACCEPT [::]:PORT"). */
  private static int acceptedPort(Process server) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      Matcher accept = ACCEPT.matcher(line);
      if (accept.matches()) {
        return Integer.parseInt(accept.group(1));
      }
    }
    throw new IOException("openssl s_server ended without listening");
  }
}

package asyncigo.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code echo-server --tls} answers OpenSSL's client and {@code echo-bench --tls}; the certificate
 * is made at start, or read from PEM files.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TlsEchoTest {
  private static final Duration STARTUP = Duration.ofSeconds(30);
  private static final Pattern FINGERPRINT =
      Pattern.compile(
          "TLS certificate (.*), SHA-256 fingerprint ((?:[0-9A-F]{2}:){31}[0-9A-F]{2})");
  private static final Pattern LISTENING =
      Pattern.compile("listening on /127\\.0\\.0\\.1:(\\d+); .*");

  private final CapturedConsole serverConsole = new CapturedConsole();
  private CompletableFuture<Integer> server;
  private String subject;
  private String fingerprint;

  @TempDir Path dir;

  private int startServer(String... tlsFlags) throws InterruptedException {
    List<String> args = new ArrayList<>(List.of("echo-server", "--port", "0", "--grace", "0"));
    args.addAll(List.of(tlsFlags));
    server =
        CompletableFuture.supplyAsync(
            () -> Demo.standard().run(args, serverConsole.console),
            command -> new Thread(command, "echo-server").start());
    Matcher certificate =
        FINGERPRINT.matcher(serverConsole.awaitOutLine("TLS certificate ", STARTUP));
    assertTrue(certificate.matches(), certificate::toString);
    subject = certificate.group(1);
    fingerprint = certificate.group(2);
    Matcher listening = LISTENING.matcher(serverConsole.awaitOutLine("listening on ", STARTUP));
    assertTrue(listening.matches(), listening::toString);
    return Integer.parseInt(listening.group(1));
  }

  @AfterEach
  void stopServer() throws Exception {
    if (server != null) {
      serverConsole.interrupt();
      assertEquals(0, server.get(10, TimeUnit.SECONDS), serverConsole::err);
    }
  }

  @Test
  void opensslSClientGetsHelloBack() throws Exception {
    requireOpenssl();
    int port = startServer("--tls");
    assertEquals("CN=asyncigo echo-server (self-signed, made at start)", subject);
    // echo hello | openssl s_client -connect 127.0.0.1:PORT -quiet
    Process client =
        new ProcessBuilder("openssl", "s_client", "-connect", "127.0.0.1:" + port, "-quiet")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      client.getOutputStream().write("hello\n".getBytes(StandardCharsets.UTF_8));
      client.getOutputStream().close();
      BufferedReader echoed =
          new BufferedReader(
              new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("hello", echoed.readLine());
    } finally {
      client.destroy(); // -quiet keeps s_client connected after its input ends
    }
  }

  @Test
  void echoBenchDrivesTheTlsServerTrustingThePrintedFingerprint() throws Exception {
    int port = startServer("--tls");
    CapturedConsole bench = new CapturedConsole();
    int exit =
        Demo.standard()
            .run(
                List.of(
                    "echo-bench", "--port", String.valueOf(port), "--connections", "2",
                    "--size", "1000", "--seconds", "1", "--tls", "--fingerprint",
                    fingerprint.toLowerCase().replace(":", "")),
                bench.console);
    assertEquals(0, exit, bench::err);
    String first = bench.out().lines().findFirst().orElseThrow();
    assertTrue(
        first.matches(
            "2 connections to 127\\.0\\.0\\.1:" + port + " over TLSv1\\.3 \\(TLS_[A-Z0-9_]+\\),"
                + " 1000-byte messages, 1 s"),
        first);
  }

  @Test
  void echoBenchRefusesTheSelfSignedCertificateWithoutThePin() throws Exception {
    int port = startServer("--tls");
    CapturedConsole bench = new CapturedConsole();
    int exit =
        Demo.standard()
            .run(
                List.of("echo-bench", "--port", String.valueOf(port), "--seconds", "1", "--tls"),
                bench.console);
    assertEquals(1, exit);
    assertTrue(bench.err().contains("unknown CA: "), bench.err());
  }

  @Test
  void theServerPresentsTheCertificateAndKeyGivenAsPemFiles() throws Exception {
    requireOpenssl();
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
        "-keyout", key.toString(), "-out", cert.toString(), "-days", "1", "-subj", "/CN=pem test");
    String expected = openssl("x509", "-in", cert.toString(), "-noout", "-fingerprint", "-sha256");
    startServer("--tls", "--cert", cert.toString(), "--key", key.toString());
    assertEquals("CN=pem test", subject);
    assertEquals(expected.strip(), "sha256 Fingerprint=" + fingerprint);
  }

  @Test
  void badTlsFlagsAreUsageErrorsThatSayWhatToDo() throws Exception {
    Path pkcs1 = dir.resolve("rsa.pem");
    Files.writeString(
        pkcs1, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
    assertUsageError("--cert and --key need --tls", "echo-server", "--cert", "c.pem");
    assertUsageError("--cert and --key go together", "echo-server", "--tls", "--key", "k.pem");
    assertUsageError("--fingerprint needs --tls", "echo-bench", "--fingerprint", "AB");
    Path notACertificate = dir.resolve("c.pem");
    Files.writeString(notACertificate, "not a certificate");
    assertUsageError(
        "not a PEM certificate file",
        "echo-server", "--tls", "--cert", notACertificate.toString(), "--key", pkcs1.toString());
    Path certificate = dir.resolve("cert.pem");
    Files.writeString(
        certificate,
        "-----BEGIN CERTIFICATE-----\n"
            + Base64.getMimeEncoder().encodeToString(
                DemoCertificate.selfSigned("localhost").chain().get(0).getEncoded())
            + "\n-----END CERTIFICATE-----\n");
    assertUsageError(
        "not an unencrypted PKCS#8 PEM key (-----BEGIN PRIVATE KEY-----); convert it with:"
            + " openssl pkcs8 -topk8 -nocrypt -in " + pkcs1 + " -out key.pem",
        "echo-server", "--tls", "--cert", certificate.toString(), "--key", pkcs1.toString());
  }

  private static void assertUsageError(String message, String... args) {
    CapturedConsole console = new CapturedConsole();
    assertEquals(2, Demo.standard().run(List.of(args), console.console), console::err);
    assertTrue(console.err().contains(message), console.err());
  }

  private static void requireOpenssl() {
    boolean installed;
    try {
      Process version = new ProcessBuilder("openssl", "version").start();
      installed = version.waitFor(10, TimeUnit.SECONDS) && version.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      installed = false;
    }
    Assumptions.assumeTrue(installed, "openssl is not installed (apt-get install openssl)");
  }

  private static String openssl(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, out);
    return out;
  }
}

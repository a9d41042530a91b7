package asyncigo.tck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Throwaway certificates for TLS tests, made once per JVM with the JDK's {@code keytool} (about
 * two seconds) and never written anywhere but a temporary folder deleted at once: a test CA; a
 * leaf it signs for {@code localhost}, {@code 127.0.0.1} and {@code ::1}; the same key certified
 * for another name ({@code wrong.example}), with a validity that ended two days ago, for client
 * authentication only, and self-signed (untrusted). Thread-safe.
 *
 * <p>Loading this class lowers the JDK's TLS 1.3 key usage limit ({@code jdk.tls.keyLimits}) to 4
 * MiB per key, so that any transfer of more than that in a test crosses key updates. The JDK reads
 * the limit once, when the first TLS context of the JVM is made: a test suite that makes its TLS
 * contexts from this class gets it.
 */
public final class TestCertificates {
  /** The key usage limit of TLS 1.3 ciphers in tests: a key update every 4 MiB. */
  public static final long KEY_LIMIT_BYTES = 1 << 22;

  /** The certificate a test server presents. */
  public enum Leaf {
    /** Signed by the test CA for localhost, 127.0.0.1 and ::1. */
    GOOD,
    /** Signed by the test CA for wrong.example only. */
    WRONG_HOST,
    /** Signed by the test CA, valid from three days ago until two days ago. */
    EXPIRED,
    /** Self-signed for localhost, 127.0.0.1 and ::1: no test client trusts it. */
    UNTRUSTED,
    /** Signed by the test CA for localhost and 127.0.0.1, for client authentication only. */
    CLIENT_ONLY
  }

  private static final char[] PASSWORD = "throwaway".toCharArray();

  static {
    Security.setProperty(
        "jdk.tls.keyLimits",
        "AES/GCM/NoPadding KeyUpdate 2^22, ChaCha20-Poly1305 KeyUpdate 2^22");
  }

  private static volatile TestCertificates instance;

  private final X509Certificate ca;
  private final PrivateKey leafKey;
  private final X509Certificate good;
  private final X509Certificate wrongHost;
  private final X509Certificate expired;
  private final X509Certificate clientOnly;
  private final PrivateKey untrustedKey;
  private final X509Certificate untrusted;

  private TestCertificates(Path dir) throws IOException, GeneralSecurityException {
    Keytool keytool = new Keytool(dir);
    keytool.all(
        keyPair("ca", "CN=asyncigo test CA", "-ext", "bc:c"),
        keyPair("leaf", "CN=localhost"),
        keyPair("untrusted", "CN=localhost", "-ext", "san=dns:localhost,ip:127.0.0.1,ip:::1"));
    keytool.all(
        List.of("-certreq", "-keystore", "leaf.p12", "-alias", "leaf", "-file", "leaf.csr"));
    keytool.all(
        signed("good.pem", "san=dns:localhost,ip:127.0.0.1,ip:::1", "-validity", "2"),
        signed("wrong.pem", "san=dns:wrong.example", "-validity", "2"),
        signed("expired.pem", "san=dns:localhost,ip:127.0.0.1,ip:::1",
            "-startdate", "-3d", "-validity", "1"),
        signed("client-only.pem", "san=dns:localhost,ip:127.0.0.1", "-ext", "eku=clientAuth",
            "-validity", "2"));
    KeyStore caStore = load(dir.resolve("ca.p12"));
    KeyStore leafStore = load(dir.resolve("leaf.p12"));
    KeyStore untrustedStore = load(dir.resolve("untrusted.p12"));
    ca = (X509Certificate) caStore.getCertificate("ca");
    leafKey = (PrivateKey) leafStore.getKey("leaf", PASSWORD);
    good = certificate(dir.resolve("good.pem"));
    wrongHost = certificate(dir.resolve("wrong.pem"));
    expired = certificate(dir.resolve("expired.pem"));
    clientOnly = certificate(dir.resolve("client-only.pem"));
    untrustedKey = (PrivateKey) untrustedStore.getKey("untrusted", PASSWORD);
    untrusted = (X509Certificate) untrustedStore.getCertificate("untrusted");
  }

  /** The certificates of this JVM, made at the first call. */
  public static TestCertificates get() {
    TestCertificates made = instance;
    if (made == null) {
      synchronized (TestCertificates.class) {
        made = instance;
        if (made == null) {
          instance = made = make();
        }
      }
    }
    return made;
  }

  /** A server context presenting the {@link Leaf#GOOD} certificate and trusting the test CA. */
  public SSLContext serverContext() {
    return serverContext(Leaf.GOOD);
  }

  /** A server context presenting {@code leaf}, trusting the test CA for client certificates. */
  public SSLContext serverContext(Leaf leaf) {
    return switch (leaf) {
      case GOOD -> context(leafKey, List.of(good, ca));
      case WRONG_HOST -> context(leafKey, List.of(wrongHost, ca));
      case EXPIRED -> context(leafKey, List.of(expired, ca));
      case UNTRUSTED -> context(untrustedKey, List.of(untrusted));
      case CLIENT_ONLY -> context(leafKey, List.of(clientOnly, ca));
    };
  }

  /** A client context trusting the test CA only, with no certificate of its own. */
  public SSLContext clientContext() {
    return context(null, List.of());
  }

  /** A client context trusting the test CA that presents the {@link Leaf#GOOD} certificate. */
  public SSLContext clientContextWithCertificate() {
    return clientContextWithCertificate(Leaf.GOOD);
  }

  /** A client context trusting the test CA that presents {@code leaf} when a server asks. */
  public SSLContext clientContextWithCertificate(Leaf leaf) {
    return serverContext(leaf);
  }

  /** The test CA's certificate. */
  public X509Certificate caCertificate() {
    return ca;
  }

  /**
   * Writes {@code ca.pem}, {@code server.pem} (the good leaf, then the CA) and {@code
   * server-key.pem} (its PKCS#8 key) to {@code dir}, for tools such as {@code openssl}.
   */
  public void writePem(Path dir) throws IOException {
    try {
      Files.writeString(dir.resolve("ca.pem"), pem("CERTIFICATE", ca.getEncoded()));
      Files.writeString(
          dir.resolve("server.pem"),
          pem("CERTIFICATE", good.getEncoded()) + pem("CERTIFICATE", ca.getEncoded()));
      Files.writeString(dir.resolve("server-key.pem"), pem("PRIVATE KEY", leafKey.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot encode the test certificates", e);
    }
  }

  private static TestCertificates make() {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("asyncigo-tls");
      return new TestCertificates(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the test certificates", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot load the test certificates", e);
    } finally {
      if (dir != null) {
        deleteTree(dir);
      }
    }
  }

  private static List<String> keyPair(String name, String subject, String... extensions) {
    List<String> args = new ArrayList<>(List.of("-genkeypair", "-keystore", name + ".p12",
        "-alias", name, "-dname", subject, "-keyalg", "EC", "-groupname", "secp256r1",
        "-validity", "2"));
    args.addAll(List.of(extensions));
    return args;
  }

  private static List<String> signed(String file, String san, String... more) {
    List<String> args = new ArrayList<>(List.of("-gencert", "-keystore", "ca.p12", "-alias", "ca",
        "-infile", "leaf.csr", "-outfile", file, "-rfc", "-ext", san));
    args.addAll(List.of(more));
    return args;
  }

  private SSLContext context(PrivateKey key, List<X509Certificate> chain) {
    try {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      if (key != null) {
        keys.setKeyEntry("key", key, PASSWORD, chain.toArray(Certificate[]::new));
      }
      KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
      kmf.init(keys, PASSWORD);
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("ca", ca);
      TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
      tmf.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot build a TLS context from the test certificates", e);
    }
  }

  private static KeyStore load(Path file) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, PASSWORD);
    }
    return store;
  }

  private static X509Certificate certificate(Path file)
      throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(file)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // a temporary folder left behind holds only throwaway test keys
    }
  }

  /** Runs the JDK's keytool in one folder, several commands at a time. */
  private record Keytool(Path dir) {
    /** Runs every command at once and waits for all; fails with the output of one that failed. */
    void all(List<?>... commands) throws IOException {
      List<Process> running = new ArrayList<>();
      for (List<?> command : commands) {
        List<String> line = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
            "-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC", "-storetype", "PKCS12",
            "-storepass", new String(PASSWORD)));
        command.forEach(arg -> line.add(String.valueOf(arg)));
        running.add(
            new ProcessBuilder(line).directory(dir.toFile()).redirectErrorStream(true).start());
      }
      for (Process process : running) {
        try {
          if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("keytool failed: "
                + new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while keytool ran", e);
        }
      }
    }
  }
}

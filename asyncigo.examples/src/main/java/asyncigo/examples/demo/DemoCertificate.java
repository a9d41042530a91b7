package asyncigo.examples.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The TLS identity of {@code echo-server --tls}: a private key and its certificate chain, read
 * from PEM files or made at start (self-signed, by the JDK's {@code keytool}, in a temporary
 * folder deleted at once: the key never touches the disk for longer).
 *
 * @param key the private key
 * @param chain the certificate chain, the server's own certificate first
 */
record DemoCertificate(PrivateKey key, List<X509Certificate> chain) {
  private static final Pattern PEM_KEY =
      Pattern.compile("-----BEGIN ([A-Z ]*)PRIVATE KEY-----([^-]*)-----END");
  private static final String PASSWORD = "throwaway";

  /**
   * A self-signed certificate for {@code localhost}, 127.0.0.1, ::1 and {@code host} (unless it
   * is a wildcard address), valid for 30 days.
   */
  static DemoCertificate selfSigned(String host) throws IOException {
    StringBuilder san = new StringBuilder("dns:localhost,ip:127.0.0.1,ip:::1");
    if (!List.of("", "localhost", "127.0.0.1", "::1", "0.0.0.0", "::").contains(host)) {
      san.append(host.matches("[0-9.]+|.*:.*") ? ",ip:" : ",dns:").append(host);
    }
    Path dir = Files.createTempDirectory("asyncigo-echo-tls");
    try {
      Process keytool =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                  "-genkeypair", "-keystore", "echo.p12", "-storetype", "PKCS12",
                  "-storepass", PASSWORD, "-alias", "echo", "-keyalg", "EC",
                  "-groupname", "secp256r1", "-dname", "CN=asyncigo echo-server",
                  "-ext", "san=" + san, "-validity", "30")
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .start();
      String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
        throw new IOException("keytool could not make a certificate: " + output.strip());
      }
      KeyStore store = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(dir.resolve("echo.p12"))) {
        store.load(in, PASSWORD.toCharArray());
      }
      return new DemoCertificate(
          (PrivateKey) store.getKey("echo", PASSWORD.toCharArray()),
          List.of((X509Certificate) store.getCertificate("echo")));
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot read the certificate keytool made", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while keytool ran", e);
    } finally {
      deleteTree(dir);
    }
  }

  /**
   * Reads a certificate chain (PEM, the server's certificate first) and its private key (PEM,
   * PKCS#8: {@code -----BEGIN PRIVATE KEY-----}).
   *
   * @throws UsageException if a file cannot be read or holds something else; the message says
   *     how to convert a key of another format
   */
  static DemoCertificate fromPem(Path certificates, Path key) throws UsageException {
    List<X509Certificate> chain = new ArrayList<>();
    try (InputStream in = Files.newInputStream(certificates)) {
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        chain.add((X509Certificate) c);
      }
    } catch (IOException | GeneralSecurityException e) {
      throw new UsageException(
          "--cert " + certificates + ": not a PEM certificate file (" + e + ")");
    }
    if (chain.isEmpty()) {
      throw new UsageException("--cert " + certificates + ": no certificate in it");
    }
    String text;
    try {
      text = Files.readString(key, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UsageException("--key " + key + ": cannot read it (" + e + ")");
    }
    Matcher pem = PEM_KEY.matcher(text);
    if (!pem.find() || !pem.group(1).isEmpty()) {
      throw new UsageException(
          "--key " + key + ": not an unencrypted PKCS#8 PEM key (-----BEGIN PRIVATE KEY-----);"
              + " convert it with: openssl pkcs8 -topk8 -nocrypt -in " + key + " -out key.pem");
    }
    try {
      byte[] der = Base64.getMimeDecoder().decode(pem.group(2));
      String algorithm = chain.get(0).getPublicKey().getAlgorithm();
      PrivateKey privateKey =
          KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      return new DemoCertificate(privateKey, List.copyOf(chain));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new UsageException("--key " + key + ": not the key of the certificate (" + e + ")");
    }
  }

  /** The server context presenting this identity. */
  SSLContext serverContext() throws GeneralSecurityException, IOException {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry("echo", key, PASSWORD.toCharArray(), chain.toArray(Certificate[]::new));
    KeyManagerFactory factory = KeyManagerFactory.getInstance("PKIX");
    factory.init(keys, PASSWORD.toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(factory.getKeyManagers(), null, null);
    return context;
  }

  /** The SHA-256 fingerprint of the server's certificate, as {@code openssl x509 -fingerprint}. */
  String fingerprint() {
    return fingerprint(chain.get(0));
  }

  /** {@code certificate}'s SHA-256 fingerprint: upper-case hex pairs joined by colons. */
  static String fingerprint(X509Certificate certificate) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }

  /** A fingerprint as the user wrote it, normalized: colons optional, any case. */
  static String normalizedFingerprint(String text) {
    String hex = text.replace(":", "").toUpperCase(Locale.ROOT);
    return HexFormat.ofDelimiter(":").withUpperCase().formatHex(HexFormat.of().parseHex(hex));
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // a temporary folder left behind: the OS cleans it
    }
  }
}

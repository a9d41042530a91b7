package asyncigo.api.net;

import java.security.cert.Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a TLS handshake settled, as {@link AsyncStream#tlsSession()} reports it: a snapshot taken
 * when the handshake finished. Thread-safe.
 *
 * @param protocol the TLS version, e.g. {@code "TLSv1.3"}
 * @param cipherSuite the cipher suite, e.g. {@code "TLS_AES_256_GCM_SHA384"}
 * @param applicationProtocol the ALPN protocol both sides agreed on; empty without ALPN
 * @param peerCertificates the peer's certificate chain, its own certificate first; empty when the
 *     peer sent none (a client the server did not ask)
 */
public record TlsSession(
    String protocol,
    String cipherSuite,
    Optional<String> applicationProtocol,
    List<Certificate> peerCertificates) {

  /** Checks for null and copies the list. */
  public TlsSession {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(cipherSuite, "cipherSuite");
    Objects.requireNonNull(applicationProtocol, "applicationProtocol");
    peerCertificates = List.copyOf(peerCertificates);
  }
}

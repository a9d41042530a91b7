package asyncigo.loop.net;

import java.io.IOException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Turns the JDK's handshake failures into {@link SSLHandshakeException}s whose message starts with
 * what went wrong, in the words of the issue that asked for them: "hostname mismatch", "unknown
 * CA", "certificate expired", "protocol mismatch", "bad certificate", "not TLS"; the JDK's own
 * message follows in parentheses and its exception is the cause. Thread-safe (stateless).
 */
final class HandshakeFailure {
  private HandshakeFailure() {}

  /**
   * The failure to throw for {@code failure}, met in a handshake with {@code peer}. An {@link
   * IOException} that is not about TLS (a reset, a closed stream) is returned as it is.
   */
  static IOException explain(IOException failure, String peer) {
    if (!(failure instanceof SSLException)) {
      return failure;
    }
    String detail = String.valueOf(failure.getMessage());
    String lower = detail.toLowerCase(Locale.ROOT);
    String explained;
    if (causedBy(failure, CertificateExpiredException.class)) {
      explained = "certificate expired: the certificate of " + peer + " is past its validity";
    } else if (causedBy(failure, CertificateNotYetValidException.class)) {
      explained = "certificate not yet valid: the certificate of " + peer + " is not valid yet";
    } else if (lower.contains("no subject alternative") || lower.contains("no name matching")) {
      explained = "hostname mismatch: the certificate of " + peer + " is not issued for the name"
          + " the client checks";
    } else if (causedBy(failure, CertPathBuilderException.class)) {
      explained = "unknown CA: the certificate of " + peer + " is not signed by a trusted"
          + " certificate authority";
    } else if (causedBy(failure, CertificateException.class)) {
      explained = "bad certificate: the certificate of " + peer + " is not acceptable";
    } else if (lower.contains("alert: unknown_ca")) {
      explained = "unknown CA: " + peer + " does not trust the issuer of this side's certificate";
    } else if (lower.contains("alert: certificate_expired")) {
      explained = "certificate expired: " + peer + " found this side's certificate expired";
    } else if (lower.contains("alert: certificate_required")
        || lower.contains("empty client certificate chain")) {
      explained = "bad certificate: the server requires a client certificate and none was sent";
    } else if (lower.contains("alert: bad_certificate")
        || lower.contains("alert: certificate_unknown")
        || lower.contains("alert: unsupported_certificate")
        || lower.contains("alert: certificate_revoked")) {
      explained = "bad certificate: " + peer + " rejected this side's certificate";
    } else if (lower.contains("protocol_version")
        || lower.contains("no appropriate protocol")
        || lower.contains("protocol versions")) {
      explained = "protocol mismatch: " + peer + " and this side enable no TLS version in common";
    } else if (lower.contains("no_application_protocol")
        || lower.contains("no application protocol")) {
      explained = "ALPN mismatch: " + peer + " and this side share no application protocol";
    } else if (lower.contains("unsupported or unrecognized ssl message")
        || lower.contains("unrecognized ssl message")) {
      explained = "not TLS: " + peer + " does not speak TLS";
    } else {
      explained = "TLS handshake with " + peer + " failed";
    }
    SSLHandshakeException thrown = new SSLHandshakeException(explained + " (" + detail + ")");
    thrown.initCause(failure);
    return thrown;
  }

  private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}

package asyncigo.loop.net;

import asyncigo.api.net.TlsOptions;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * Makes the {@link SSLEngine} that {@link TlsOptions} describe. Every check that can fail runs
 * here, before the caller opens or changes anything. Thread-safe (stateless).
 */
final class TlsEngines {
  private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|.*:.*");

  private TlsEngines() {}

  /**
   * An engine for {@code tls}. {@code host} is the host the stream connected to (null when not
   * known); a client checks the server's certificate against {@link TlsOptions#serverName()}, or
   * else {@code host}, and sends it as SNI unless it is an IP address.
   *
   * @throws IllegalStateException if a client that verifies hostnames has no name to verify
   * @throws IllegalArgumentException if a protocol is not supported by the context
   */
  static SSLEngine create(TlsOptions tls, String host, int port) {
    SSLContext context = tls.context().orElseGet(TlsEngines::jdkDefault);
    boolean client = tls.role() == TlsOptions.Role.CLIENT;
    String name = client ? tls.serverName().orElse(host) : null;
    if (client && name == null && tls.verifiesHostname()) {
      throw new IllegalStateException(
          "a TLS client checks the server's certificate against a name: give one with "
              + "TlsOptions.serverName(...) (the stream was not made by connect(host, ...))");
    }
    List<String> unsupported = new ArrayList<>(tls.protocols());
    unsupported.removeAll(Arrays.asList(context.getSupportedSSLParameters().getProtocols()));
    if (!unsupported.isEmpty()) {
      throw new IllegalArgumentException(
          "TLS protocols not supported by the context: " + unsupported + "; supported: "
              + Arrays.toString(context.getSupportedSSLParameters().getProtocols()));
    }
    SSLEngine engine =
        name != null ? context.createSSLEngine(name, port) : context.createSSLEngine();
    engine.setUseClientMode(client);
    SSLParameters parameters = engine.getSSLParameters();
    if (client) {
      if (tls.verifiesHostname()) {
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
      }
      if (name != null && !IP_LITERAL.matcher(name).matches()) {
        parameters.setServerNames(List.of(new SNIHostName(name)));
      }
    } else {
      parameters.setWantClientAuth(tls.clientAuth() == TlsOptions.ClientAuth.WANT);
      if (tls.clientAuth() == TlsOptions.ClientAuth.NEED) {
        parameters.setNeedClientAuth(true);
      }
    }
    if (!tls.applicationProtocols().isEmpty()) {
      parameters.setApplicationProtocols(tls.applicationProtocols().toArray(String[]::new));
    }
    if (!tls.protocols().isEmpty()) {
      parameters.setProtocols(tls.protocols().toArray(String[]::new));
    }
    engine.setSSLParameters(parameters);
    return engine;
  }

  /** Checks {@code tls} against the role a call needs. */
  static void requireRole(TlsOptions tls, TlsOptions.Role role, String call) {
    if (tls.role() != role) {
      throw new IllegalArgumentException(
          call + " needs " + (role == TlsOptions.Role.CLIENT ? "client" : "server")
              + " TLS options (TlsOptions." + (role == TlsOptions.Role.CLIENT ? "client" : "server")
              + "(...)), got " + tls);
    }
  }

  private static SSLContext jdkDefault() {
    try {
      return SSLContext.getDefault();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no default TLS context", e);
    }
  }
}

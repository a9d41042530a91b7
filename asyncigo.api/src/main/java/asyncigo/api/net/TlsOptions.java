package asyncigo.api.net;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * How a stream speaks TLS: the options of {@link asyncigo.api.Loop#connect(String, int,
 * TlsOptions)} (a client), {@link asyncigo.api.Loop#listen(String, int, TlsOptions,
 * StreamHandler)} (a server) and {@link AsyncStream#startTls(TlsOptions)} (either). An immutable
 * value; each method returns a copy. Thread-safe.
 *
 * <pre>{@code
 * AsyncStream web = loop.connect("example.org", 443, TlsOptions.client());
 * Server server = loop.listen("0.0.0.0", 8443, TlsOptions.server(serverContext), handler);
 * }</pre>
 *
 * <p><b>Verified by default.</b> A client checks the server's certificate chain against the
 * context's trust material (the JDK's default context trusts the JDK's CA certificates) and the
 * certificate's names against the server name: by default the host it connected to, sent as SNI
 * unless it is an IP address. {@link #withoutHostnameVerification()} turns the name check off;
 * the chain is still checked (give a context with another trust manager to change that).
 *
 * <p><b>Misuse</b> fails at once, naming the mistake, and changes nothing: a client-only option
 * on server options (or the reverse) throws {@link IllegalStateException}; a bad value throws
 * {@link IllegalArgumentException} or {@link NullPointerException}.
 */
public final class TlsOptions {
  /** The side of the handshake a stream takes. */
  public enum Role {
    /** The client side: it checks the server's certificate and name. */
    CLIENT,
    /** The server side: it presents its certificate and may ask for the client's. */
    SERVER
  }

  /** Whether a server asks the client for a certificate. */
  public enum ClientAuth {
    /** The server does not ask. */
    NONE,
    /** The server asks; a client without a certificate is still accepted. */
    WANT,
    /** The server asks and refuses a client without a trusted certificate. */
    NEED
  }

  /** The default limit on the handshake: 10 seconds (Netty's). */
  public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

  private final Role role;
  private final SSLContext context;
  private final String serverName;
  private final boolean verifyHostname;
  private final List<String> applicationProtocols;
  private final List<String> protocols;
  private final Duration handshakeTimeout;
  private final ClientAuth clientAuth;

  private TlsOptions(
      Role role,
      SSLContext context,
      String serverName,
      boolean verifyHostname,
      List<String> applicationProtocols,
      List<String> protocols,
      Duration handshakeTimeout,
      ClientAuth clientAuth) {
    this.role = role;
    this.context = context;
    this.serverName = serverName;
    this.verifyHostname = verifyHostname;
    this.applicationProtocols = applicationProtocols;
    this.protocols = protocols;
    this.handshakeTimeout = handshakeTimeout;
    this.clientAuth = clientAuth;
  }

  /**
   * Client options with the JDK's default context ({@link SSLContext#getDefault()}).
   *
   * @return the options
   */
  public static TlsOptions client() {
    return new TlsOptions(
        Role.CLIENT, null, null, true, List.of(), List.of(), DEFAULT_HANDSHAKE_TIMEOUT,
        ClientAuth.NONE);
  }

  /**
   * Client options with {@code context}: its trust material checks servers; its key and
   * certificate, if any, answer a server that asks for one.
    *
    * @param context the context
    * @return the options
   */
  public static TlsOptions client(SSLContext context) {
    Objects.requireNonNull(context, "context");
    return new TlsOptions(
        Role.CLIENT, context, null, true, List.of(), List.of(), DEFAULT_HANDSHAKE_TIMEOUT,
        ClientAuth.NONE);
  }

  /**
   * Server options with {@code context}, which must hold the server's key and certificate.
   *
   * @param context the context
   * @return the options
   */
  public static TlsOptions server(SSLContext context) {
    Objects.requireNonNull(context, "context");
    return new TlsOptions(
        Role.SERVER, context, null, false, List.of(), List.of(), DEFAULT_HANDSHAKE_TIMEOUT,
        ClientAuth.NONE);
  }

  /**
   * The name a client sends as SNI (unless it is an IP address) and checks the server's
   * certificate against, instead of the host it connected to. Needed by {@link
   * AsyncStream#startTls} on a stream that was not made by {@code connect(host, ...)}.
   *
   * @throws IllegalStateException on server options
   * @throws IllegalArgumentException if {@code name} is empty
    * @param name the name
    * @return a copy of these options with this setting
   */
  public TlsOptions serverName(String name) {
    Objects.requireNonNull(name, "server name");
    requireRole(Role.CLIENT, "serverName");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("server name must not be empty");
    }
    return new TlsOptions(
        role, context, name, verifyHostname, applicationProtocols, protocols, handshakeTimeout,
        clientAuth);
  }

  /**
   * Turns off the check that the server's certificate names the server: any certificate whose
   * chain the context trusts is accepted, whatever host it was issued for. Only for tests and
   * closed networks.
   *
   * @throws IllegalStateException on server options
    * @return a copy of these options with this setting
   */
  public TlsOptions withoutHostnameVerification() {
    requireRole(Role.CLIENT, "withoutHostnameVerification");
    return new TlsOptions(
        role, context, serverName, false, applicationProtocols, protocols, handshakeTimeout,
        clientAuth);
  }

  /**
   * The ALPN protocols ({@code "h2"}, {@code "http/1.1"}), most preferred first: a client offers
   * them, a server picks the first of its own that the client offers (and refuses a client that
   * offers only others). None given (the default): no ALPN.
   *
   * @throws IllegalArgumentException if a name is empty or longer than 255 bytes
    * @param names the names
    * @return a copy of these options with this setting
   */
  public TlsOptions applicationProtocols(String... names) {
    List<String> list = List.of(names);
    for (String name : list) {
      int bytes = name.getBytes(StandardCharsets.UTF_8).length;
      if (bytes == 0 || bytes > 255) {
        throw new IllegalArgumentException(
            "an ALPN protocol name has 1 to 255 bytes, got \"" + name + "\"");
      }
    }
    return new TlsOptions(
        role, context, serverName, verifyHostname, list, protocols, handshakeTimeout, clientAuth);
  }

  /**
   * The TLS versions to enable ({@code "TLSv1.3"}, {@code "TLSv1.2"}); none given (the default):
   * the context's defaults. A name the context does not support fails the connect, listen or
   * startTls with {@link IllegalArgumentException} before anything is opened.
   *
   * @throws IllegalArgumentException if no name is given
    * @param versions the versions
    * @return a copy of these options with this setting
   */
  public TlsOptions protocols(String... versions) {
    List<String> list = List.of(versions);
    if (list.isEmpty()) {
      throw new IllegalArgumentException("give at least one protocol version, e.g. TLSv1.3");
    }
    return new TlsOptions(
        role, context, serverName, verifyHostname, applicationProtocols, list, handshakeTimeout,
        clientAuth);
  }

  /**
   * The longest the handshake may take (default {@link #DEFAULT_HANDSHAKE_TIMEOUT}); a handshake
   * still running then fails with {@link javax.net.ssl.SSLHandshakeException} "TLS handshake
   * timed out after ...".
   *
   * @throws IllegalArgumentException unless positive
    * @param timeout the timeout
    * @return a copy of these options with this setting
   */
  public TlsOptions handshakeTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "handshake timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("handshake timeout must be positive: " + timeout);
    }
    return new TlsOptions(
        role, context, serverName, verifyHostname, applicationProtocols, protocols, timeout,
        clientAuth);
  }

  /**
   * Whether the server asks clients for a certificate (default {@link ClientAuth#NONE}); the
   * context's trust material checks it.
   *
   * @throws IllegalStateException on client options
    * @param mode the mode
    * @return a copy of these options with this setting
   */
  public TlsOptions clientAuth(ClientAuth mode) {
    Objects.requireNonNull(mode, "client auth");
    requireRole(Role.SERVER, "clientAuth");
    return new TlsOptions(
        role, context, serverName, verifyHostname, applicationProtocols, protocols,
        handshakeTimeout, mode);
  }

  /**
   * The side of the handshake.
   *
   * @return the role
   */
  public Role role() {
    return role;
  }

  /**
   * The context; empty for {@link #client()}, which uses {@link SSLContext#getDefault()}.
   *
   * @return the value, if there is one
   */
  public Optional<SSLContext> context() {
    return Optional.ofNullable(context);
  }

  /**
   * The server name set with {@link #serverName}, if any.
   *
   * @return the value, if there is one
   */
  public Optional<String> serverName() {
    return Optional.ofNullable(serverName);
  }

  /**
   * Whether a client checks the server's certificate against the server name.
   *
   * @return whether it is so
   */
  public boolean verifiesHostname() {
    return verifyHostname;
  }

  /**
   * The ALPN protocols, most preferred first; empty for none.
   *
   * @return the application protocols
   */
  public List<String> applicationProtocols() {
    return applicationProtocols;
  }

  /**
   * The TLS versions to enable; empty for the context's defaults.
   *
   * @return the protocols
   */
  public List<String> protocols() {
    return protocols;
  }

  /**
   * The handshake's time limit.
   *
   * @return the handshake timeout
   */
  public Duration handshakeTimeout() {
    return handshakeTimeout;
  }

  /**
   * Whether a server asks for client certificates ({@link ClientAuth#NONE} for a client).
   *
   * @return the client auth
   */
  public ClientAuth clientAuth() {
    return clientAuth;
  }

  @Override
  public String toString() {
    return "TlsOptions[" + role.name().toLowerCase(Locale.ROOT)
        + (serverName != null ? ", serverName " + serverName : "")
        + (role == Role.CLIENT && !verifyHostname ? ", without hostname verification" : "")
        + (applicationProtocols.isEmpty() ? "" : ", ALPN " + applicationProtocols)
        + (protocols.isEmpty() ? "" : ", protocols " + protocols)
        + (clientAuth != ClientAuth.NONE ? ", client auth " + clientAuth : "")
        + ", handshake timeout " + handshakeTimeout + "]";
  }

  private void requireRole(Role needed, String option) {
    if (role != needed) {
      throw new IllegalStateException(
          option + " applies to " + needed.name().toLowerCase(Locale.ROOT)
              + " options; these are " + role.name().toLowerCase(Locale.ROOT)
              + " options (TlsOptions." + role.name().toLowerCase(Locale.ROOT) + ")");
    }
  }
}

package asyncigo.tck;

import asyncigo.api.Loop;
import asyncigo.api.net.StreamHandler;
import asyncigo.api.net.TlsOptions;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.Socket;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * The TLS transport of the contract suites: the same tests, with every connection speaking TLS
 * (the contexts' defaults: TLS 1.3) on certificates from {@link TestCertificates}. {@link
 * #view(Loop)} gives a loop whose {@code connect} and {@code listen} speak TLS, and {@link
 * #speak} turns a blocking peer's socket into a TLS one. Thread-safe.
 */
public final class TlsTestTransport {
  private static final Pattern HOST_AND_PORT =
      Pattern.compile("\\[([^\\]]+)\\]:([0-9]{1,5})|([^:\\[\\]]+):([0-9]{1,5})");

  private static volatile SSLContext clientContext;
  private static volatile SSLContext serverContext;

  private TlsTestTransport() {}

  /** The client options of the TLS suites: trust the test CA, verify the host name. */
  public static TlsOptions clientOptions() {
    return TlsOptions.client(clientContext());
  }

  /** The server options of the TLS suites: the good test certificate. */
  public static TlsOptions serverOptions() {
    return TlsOptions.server(serverContext());
  }

  /**
   * A view of {@code loop} whose {@code connect(host, port)}, {@code connect("host:port")} and
   * {@code listen(host, port, handler)} speak TLS with {@link #clientOptions()} and {@link
   * #serverOptions()}; every other method, and a malformed address, goes to {@code loop} itself.
   */
  public static Loop view(Loop loop) {
    return (Loop) Proxy.newProxyInstance(
        Loop.class.getClassLoader(),
        new Class<?>[] {Loop.class},
        new TlsView(loop, clientOptions(), serverOptions()));
  }

  /**
   * An {@link SSLSocket} over {@code plain} (which it does not close) on the client or server
   * side, with the suites' certificates, after its handshake; a client verifies the host name.
   */
  public static Socket speak(Socket plain, boolean client) throws IOException {
    SSLContext context = client ? clientContext() : serverContext();
    SSLSocket tls =
        (SSLSocket) context.getSocketFactory()
            .createSocket(plain, plain.getInetAddress().getHostAddress(), plain.getPort(), false);
    tls.setUseClientMode(client);
    if (client) {
      SSLParameters parameters = tls.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      tls.setSSLParameters(parameters);
    }
    tls.startHandshake();
    return tls;
  }

  private static SSLContext clientContext() {
    if (clientContext == null) {
      clientContext = TestCertificates.get().clientContext();
    }
    return clientContext;
  }

  private static SSLContext serverContext() {
    if (serverContext == null) {
      serverContext = TestCertificates.get().serverContext();
    }
    return serverContext;
  }

  /** The loop view's calls: connect and listen with TLS, everything else forwarded. */
  private record TlsView(Loop loop, TlsOptions client, TlsOptions server)
      implements InvocationHandler {
    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      int arity = args == null ? 0 : args.length;
      switch (method.getName()) {
        case "connect" -> {
          if (arity == 2 && args[1] instanceof Integer port) {
            return loop.connect((String) args[0], port, client);
          }
          Matcher address = arity == 1 ? HOST_AND_PORT.matcher(String.valueOf(args[0])) : null;
          if (address != null && address.matches()) {
            boolean bracketed = address.group(1) != null;
            String host = address.group(bracketed ? 1 : 3);
            int port = Integer.parseInt(address.group(bracketed ? 2 : 4));
            if (port > 0 && port <= 65535) {
              return loop.connect(host, port, client);
            }
          }
        }
        case "listen" -> {
          if (arity == 3) {
            return loop.listen((String) args[0], (int) args[1], server, (StreamHandler) args[2]);
          }
        }
        case "toString" -> {
          return "TLS view of " + loop;
        }
        case "equals" -> {
          return proxy == args[0];
        }
        case "hashCode" -> {
          return System.identityHashCode(proxy);
        }
        default -> { }
      }
      try {
        return method.invoke(loop, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }
}

package asyncigo.examples.readme;

import static java.nio.charset.StandardCharsets.UTF_8;

import asyncigo.api.Loop;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.Server;
import asyncigo.api.net.TlsOptions;
import asyncigo.api.net.TlsSession;
import java.io.IOException;
import javax.net.ssl.SSLContext;

/**
 * README "TLS": compiled, not run (it talks to example.org, and this build reaches no network);
 * the TLS tests of asyncigo.loop run every call it shows against local peers.
 */
final class TlsSnippet {
  private TlsSnippet() {}

  private static void handle(AsyncStream stream) {}

  static void snippet(Loop loop, SSLContext sslContext, AsyncStream conn) throws IOException {
    // The README quotes from here to the end of this method.
    // A client, verified by default: the JDK's CAs check the chain, the host name checks the name.
    try (AsyncStream web = loop.connect("example.org", 443, TlsOptions.client())) {
      web.write("HEAD / HTTP/1.1\r\nHost: example.org\r\nConnection: close\r\n\r\n".getBytes(UTF_8));
      byte[] status = web.readLine();                              // "HTTP/1.1 200 OK\r\n"
      TlsSession session = web.tlsSession().orElseThrow();         // protocol, cipher suite, ALPN, peer certificates
    }

    // A server: each connection's handshake runs in its task, and the handler starts after it.
    Server server = loop.listen("0.0.0.0", 8443, TlsOptions.server(sslContext), stream -> handle(stream));

    // STARTTLS (SMTP, IMAP, PostgreSQL): the same stream goes on over TLS.
    conn.write("STARTTLS\r\n".getBytes(UTF_8));
    conn.readLine();                                               // "220 ready"
    conn.startTls(TlsOptions.client());                            // checks the host given to connect
  }
}

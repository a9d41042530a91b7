package asyncigo.examples.demo;

import asyncigo.api.Loop;
import asyncigo.api.LoopGroup;
import asyncigo.api.LoopGroupOptions;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.GroupServer;
import asyncigo.api.net.TlsOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code asyncigo echo-server}: a TCP echo server on a loop group of {@code --loops} loops (one by
 * default), until the user interrupts it. The main task (on one of the group's loops) registers
 * the interrupt handlers ({@link Interrupts#signals()}: SIGTERM and Ctrl-C), says where it
 * listens, and waits in {@link GroupServer#serveForever()}. The first interrupt starts a graceful
 * shutdown ({@link GroupServer#shutdown}): no connection is accepted any more, the open ones get
 * {@code --grace} seconds, then those still open are closed; a second interrupt closes them at
 * once. The command ends when every handler has.
 */
final class EchoServerCommand implements Command {
  static final Flag HOST = new Flag("host", "HOST", "127.0.0.1", "the address to listen on");
  static final Flag PORT =
      new Flag("port", "PORT", "7007", "the port to listen on (0: any free port)");
  static final Flag LOOPS =
      new Flag("loops", "N", "1", "loops serving connections, each on a thread of its own");
  static final Flag GRACE =
      new Flag("grace", "S", "5", "seconds the open connections get after Ctrl-C or SIGTERM");
  static final Flag TLS =
      Flag.toggle("tls", "serve TLS; a self-signed certificate is made at start unless --cert");
  static final Flag CERT =
      new Flag("cert", "FILE", null, "with --tls: the certificate chain, PEM, own first");
  static final Flag KEY =
      new Flag("key", "FILE", null, "with --tls and --cert: the private key, PEM PKCS#8");

  private static final int READ_SIZE = 64 * 1024;

  @Override
  public String name() {
    return "echo-server";
  }

  @Override
  public String summary() {
    return "serve TCP echo until interrupted (Ctrl-C)";
  }

  @Override
  public String description() {
    return """
        Listens on HOST:PORT and sends every byte it receives back on the same connection,
        one task per connection, on a group of N loops: each connection stays on one loop
        (with epoll each loop has a socket of its own on the port, SO_REUSEPORT, and the
        kernel spreads the connections; with nio one loop accepts and hands them round).
        Prints the address it listens on, then serves until interrupted: Ctrl-C or SIGTERM
        stops accepting, gives the open connections S seconds (--grace) to end, closes
        those still open and exits with 0; a second Ctrl-C closes them at once.
        With --tls it serves TLS and prints its certificate's SHA-256 fingerprint (give it
        to echo-bench --fingerprint). Try it with OpenSSL:
          echo hello | openssl s_client -connect HOST:PORT -quiet""";
  }

  @Override
  public List<Flag> flags() {
    return List.of(HOST, PORT, LOOPS, GRACE, TLS, CERT, KEY, PollerFlag.FLAG);
  }

  @Override
  public int run(Arguments args, Console console) throws Exception {
    String host = args.string(HOST).orElseThrow();
    int port = args.integer(PORT, 0, 65535);
    LoopGroupOptions options =
        LoopGroupOptions.defaults()
            .loops(args.integer(LOOPS, 1, 1024))
            .loopOptions(PollerFlag.options(args));
    Duration grace = Duration.ofSeconds(args.integer(GRACE, 0, 3600));
    Optional<TlsOptions> tls = serverTls(args, host, console);
    try (LoopGroup group = LoopGroup.open(options)) {
      console.err().println(LoopBanner.of(group));
      GroupServer server = group.listen(host, port, stream -> serve(stream, tls));
      int closed = group.run(() -> serveUntilInterrupted(server, grace, console));
      console.out().println(
          "stopped; closed " + connections(closed) + " still open after the grace");
    }
    return 0;
  }

  /**
   * The main task: serves until interrupted, then shuts the server down gracefully; returns how
   * many connections were closed when the grace ran out.
   */
  private static int serveUntilInterrupted(GroupServer server, Duration grace, Console console) {
    Loop loop = Loop.current();
    CompletableFuture<Integer> stopped = new CompletableFuture<>();
    boolean[] interrupted = {false};
    console.interrupts().onInterrupt(loop, signal -> {
      if (interrupted[0]) {
        console.out().println("closing the connections now (" + signal + ")");
        server.shutdown(Duration.ZERO);
        return;
      }
      interrupted[0] = true;
      console.out().println(
          "shutting down (" + signal + "): " + connections(server.connections()) + ", grace "
              + grace.toSeconds() + "s");
      server.shutdown(grace).thenAccept(stopped::complete);
    });
    console.out().println("listening on " + server.localAddress() + "; Ctrl-C stops");
    server.serveForever();
    return loop.adapt(stopped).await();
  }

  private static String connections(int count) {
    return count + (count == 1 ? " connection" : " connections");
  }

  /**
   * The TLS options {@code --tls}, {@code --cert} and {@code --key} ask for, if any; prints the
   * certificate's fingerprint.
   */
  private static Optional<TlsOptions> serverTls(Arguments args, String host, Console console)
      throws Exception {
    boolean files = args.isSet(CERT) || args.isSet(KEY);
    if (!args.isSet(TLS)) {
      if (files) {
        throw new UsageException("--cert and --key need --tls");
      }
      return Optional.empty();
    }
    if (files && !(args.isSet(CERT) && args.isSet(KEY))) {
      throw new UsageException("--cert and --key go together");
    }
    DemoCertificate identity =
        files
            ? DemoCertificate.fromPem(
                Path.of(args.string(CERT).orElseThrow()), Path.of(args.string(KEY).orElseThrow()))
            : DemoCertificate.selfSigned(host);
    console.out().println(
        "TLS certificate " + identity.chain().get(0).getSubjectX500Principal().getName()
            + (files ? "" : " (self-signed, made at start)")
            + ", SHA-256 fingerprint " + identity.fingerprint());
    return Optional.of(TlsOptions.server(identity.serverContext()));
  }

  /**
   * Serves one connection: with TLS, the server side of the handshake first (a failed handshake
   * ends the connection quietly, as {@code loop.listen(host, port, tls, handler)} does), then echo.
   */
  private static void serve(AsyncStream stream, Optional<TlsOptions> tls) throws Exception {
    if (tls.isPresent()) {
      try {
        stream.startTls(tls.get());
      } catch (javax.net.ssl.SSLException handshakeFailed) {
        return;
      }
    }
    echo(stream);
  }

  private static void echo(AsyncStream stream) throws Exception {
    try {
      for (byte[] chunk = stream.read(READ_SIZE); chunk != null; chunk = stream.read(READ_SIZE)) {
        stream.write(chunk);
        stream.drain();
      }
    } catch (IOException clientLeft) {
      // A client that vanishes (a reset; over TLS, no close_notify, as when openssl s_client is
      // killed) ends its own connection only: nothing to report.
    }
  }
}

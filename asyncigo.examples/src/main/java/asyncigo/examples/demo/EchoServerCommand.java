package asyncigo.examples.demo;

import asyncigo.api.LoopGroup;
import asyncigo.api.LoopGroupOptions;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.GroupServer;
import asyncigo.api.net.TlsOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code asyncigo echo-server}: a TCP echo server on a loop group of {@code --loops} loops (one by
 * default), until the user interrupts it. The server is a {@link GroupServer}, whose methods any
 * thread may call: the command's thread listens and waits in {@link GroupServer#serveForever()};
 * the interrupt (a JVM shutdown hook) closes the server and every connection ({@link
 * GroupServer#closeAll()}), which ends the wait; the group then closes, and the hook returns once
 * it is closed.
 */
final class EchoServerCommand implements Command {
  static final Flag HOST = new Flag("host", "HOST", "127.0.0.1", "the address to listen on");
  static final Flag PORT =
      new Flag("port", "PORT", "7007", "the port to listen on (0: any free port)");
  static final Flag LOOPS =
      new Flag("loops", "N", "1", "loops serving connections, each on a thread of its own");
  static final Flag TLS =
      Flag.toggle("tls", "serve TLS; a self-signed certificate is made at start unless --cert");
  static final Flag CERT =
      new Flag("cert", "FILE", null, "with --tls: the certificate chain, PEM, own first");
  static final Flag KEY =
      new Flag("key", "FILE", null, "with --tls and --cert: the private key, PEM PKCS#8");

  /** How long the interrupt waits for the group to close the connections and stop. */
  private static final long STOP_TIMEOUT_SECONDS = 10;

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
        Prints the address it listens on, then serves until interrupted: Ctrl-C closes every
        connection and exits cleanly.
        With --tls it serves TLS and prints its certificate's SHA-256 fingerprint (give it
        to echo-bench --fingerprint). Try it with OpenSSL:
          echo hello | openssl s_client -connect HOST:PORT -quiet""";
  }

  @Override
  public List<Flag> flags() {
    return List.of(HOST, PORT, LOOPS, TLS, CERT, KEY, PollerFlag.FLAG);
  }

  @Override
  public int run(Arguments args, Console console) throws Exception {
    String host = args.string(HOST).orElseThrow();
    int port = args.integer(PORT, 0, 65535);
    LoopGroupOptions options =
        LoopGroupOptions.defaults()
            .loops(args.integer(LOOPS, 1, 1024))
            .loopOptions(PollerFlag.options(args));
    Optional<TlsOptions> tls = serverTls(args, host, console);
    CountDownLatch closed = new CountDownLatch(1);
    try (LoopGroup group = LoopGroup.open(options)) {
      console.err().println(LoopBanner.of(group));
      Stopper stopper = new Stopper();
      console.interrupts().onInterrupt(() -> stopFromAnotherThread(stopper, closed));
      GroupServer server =
          group.listen(host, port, stream -> serve(stream, tls));
      console.out().println("listening on " + server.localAddress() + "; Ctrl-C stops");
      stopper.serving(server);
      server.serveForever();
      int count = stopper.connectionsAtStop();
      console.out().println(
          "stopped; closed " + count + (count == 1 ? " connection" : " connections"));
    } finally {
      closed.countDown();
    }
    return 0;
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

  private static void stopFromAnotherThread(Stopper stopper, CountDownLatch closed) {
    if (closed.getCount() == 0) {
      return; // the command is over: the process is exiting normally
    }
    stopper.stop();
    try {
      closed.await(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the server, whether the stop comes before or after it is listening. Thread-safe. */
  private static final class Stopper {
    private GroupServer server;
    private boolean stopRequested;
    private int connectionsAtStop;

    void serving(GroupServer server) {
      boolean stopNow;
      synchronized (this) {
        this.server = server;
        stopNow = stopRequested;
      }
      if (stopNow) {
        stop();
      }
    }

    void stop() {
      GroupServer toClose;
      synchronized (this) {
        stopRequested = true;
        toClose = server;
        if (toClose != null) {
          connectionsAtStop = toClose.connections();
        }
      }
      if (toClose != null) {
        toClose.closeAll();
      }
    }

    synchronized int connectionsAtStop() {
      return connectionsAtStop;
    }
  }
}

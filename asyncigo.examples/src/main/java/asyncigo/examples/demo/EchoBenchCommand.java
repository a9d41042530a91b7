package asyncigo.examples.demo;

import asyncigo.api.Async;
import asyncigo.api.Loop;
import asyncigo.api.Task;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.TlsOptions;
import asyncigo.api.net.TlsSession;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code asyncigo echo-bench}: drives an echo server from one loop. Each connection is a task that
 * writes a message, reads the echo with {@code readExactly}, checks it and starts over. Prints
 * the round trips and megabytes of each second, then the totals.
 */
final class EchoBenchCommand implements Command {
  static final Flag HOST = new Flag("host", "HOST", "127.0.0.1", "the echo server's address");
  static final Flag PORT = new Flag("port", "PORT", "7007", "the echo server's port");
  static final Flag CONNECTIONS =
      new Flag("connections", "N", "10", "connections, each with one message in flight");
  static final Flag SIZE = new Flag("size", "BYTES", "1024", "bytes per message");
  static final Flag SECONDS = new Flag("seconds", "S", "5", "how long to run");
  static final Flag TLS = Flag.toggle("tls", "connect with TLS (see echo-server --tls)");
  static final Flag FINGERPRINT =
      new Flag(
          "fingerprint", "SHA256", null,
          "with --tls: trust only the certificate with this fingerprint (default: the JDK's CAs)");

  private static final long SECOND_NANOS = 1_000_000_000L;

  @Override
  public String name() {
    return "echo-bench";
  }

  @Override
  public String summary() {
    return "drive an echo server; print round trips per second and MB/s";
  }

  @Override
  public String description() {
    return """
        Opens N connections to the echo server at HOST:PORT (see echo-server) and, on each,
        sends a message of SIZE bytes and waits for its echo, over and over, for S seconds.
        Prints one progress line per second, then the round trips per second and the
        megabytes per second of payload in each direction. A wrong echo is an error.
        With --tls it speaks TLS, verifying the server against the JDK's CAs, or, with
        --fingerprint, trusting exactly the certificate echo-server --tls printed.""";
  }

  @Override
  public List<Flag> flags() {
    return List.of(HOST, PORT, CONNECTIONS, SIZE, SECONDS, TLS, FINGERPRINT, PollerFlag.FLAG);
  }

  @Override
  public int run(Arguments args, Console console) throws Exception {
    String host = args.string(HOST).orElseThrow();
    int port = args.integer(PORT, 1, 65535);
    int connections = args.integer(CONNECTIONS, 1, 100_000);
    int size = args.integer(SIZE, 1, 64 * 1024 * 1024);
    int seconds = args.integer(SECONDS, 1, 24 * 3600);
    Optional<TlsOptions> tls = clientTls(args);
    try (Loop loop = Loop.open(PollerFlag.options(args))) {
      console.err().println(LoopBanner.of(loop));
      Run run = new Run(size, tls);
      loop.run(() -> run.drive(loop, host, port, connections, seconds, console.out()));
    }
    return 0;
  }

  /** The TLS options {@code --tls} and {@code --fingerprint} ask for, if any. */
  private static Optional<TlsOptions> clientTls(Arguments args) throws Exception {
    if (!args.isSet(TLS)) {
      if (args.isSet(FINGERPRINT)) {
        throw new UsageException("--fingerprint needs --tls");
      }
      return Optional.empty();
    }
    if (!args.isSet(FINGERPRINT)) {
      return Optional.of(TlsOptions.client());
    }
    String fingerprint;
    try {
      fingerprint = DemoCertificate.normalizedFingerprint(args.string(FINGERPRINT).orElseThrow());
    } catch (IllegalArgumentException e) {
      throw new UsageException("--fingerprint must be hex digits, colons optional: " + e);
    }
    // The pin names the one certificate to accept, so the name it was issued for is moot.
    return Optional.of(
        TlsOptions.client(PinnedCertificate.context(fingerprint)).withoutHostnameVerification());
  }

  /** One benchmark run. Loop-confined. */
  private static final class Run {
    private final byte[] message;
    private final Optional<TlsOptions> tls;
    private long roundTrips;
    private boolean stopping;

    Run(int size, Optional<TlsOptions> tls) {
      this.tls = tls;
      message = new byte[size];
      for (int i = 0; i < size; i++) {
        message[i] = (byte) ('a' + i % 26);
      }
    }

    Void drive(Loop loop, String host, int port, int connections, int seconds, PrintStream out)
        throws IOException {
      List<AsyncStream> streams = new ArrayList<>();
      List<Task<Void>> workers = new ArrayList<>();
      try {
        for (int i = 0; i < connections; i++) {
          AsyncStream stream =
              tls.isPresent() ? loop.connect(host, port, tls.get()) : loop.connect(host, port);
          streams.add(stream);
        }
        String over =
            streams.get(0).tlsSession().map(Run::describe).orElse("");
        out.printf(
            Locale.ROOT, "%d connections to %s:%d%s, %d-byte messages, %d s%n",
            connections, host, port, over, message.length, seconds);
        long start = loop.time();
        for (AsyncStream stream : streams) {
          workers.add(loop.spawn(() -> pingPong(stream)));
        }
        long reported = 0;
        for (int second = 1; second <= seconds; second++) {
          loop.sleep(Duration.ofNanos(Math.max(0, start + second * SECOND_NANOS - loop.time())));
          failIfAnyFailed(workers);
          out.println(rate("  second " + second + ": ", roundTrips - reported, SECOND_NANOS));
          reported = roundTrips;
        }
        stopping = true;
        Async.gather(workers);
        long elapsed = loop.time() - start;
        String total =
            String.format(Locale.ROOT, "%,d round trips in %.2f s: ", roundTrips, elapsed / 1e9);
        out.println(rate(total, roundTrips, elapsed));
        return null;
      } finally {
        workers.forEach(Task::cancel);
        streams.forEach(AsyncStream::close);
      }
    }

    private Void pingPong(AsyncStream stream) throws IOException {
      while (!stopping) {
        stream.write(message);
        byte[] echo = stream.readExactly(message.length);
        if (!Arrays.equals(echo, message)) {
          throw new IOException("the server echoed different bytes than were sent");
        }
        roundTrips++;
      }
      return null;
    }

    private static String describe(TlsSession session) {
      return " over " + session.protocol() + " (" + session.cipherSuite() + ")";
    }

    private String rate(String prefix, long trips, long nanos) {
      double perSecond = trips * (double) SECOND_NANOS / nanos;
      return String.format(
          Locale.ROOT, "%s%,.0f round trips/s, %,.1f MB/s each way",
          prefix, perSecond, perSecond * message.length / 1e6);
    }

    private static void failIfAnyFailed(List<Task<Void>> workers) {
      for (Task<Void> worker : workers) {
        if (worker.isDone()) {
          worker.resultNow(); // throws the failure: a worker only ends early by failing
        }
      }
    }
  }
}

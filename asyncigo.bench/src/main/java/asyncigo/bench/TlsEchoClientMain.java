package asyncigo.bench;

import asyncigo.api.Async;
import asyncigo.api.Loop;
import asyncigo.api.Task;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.TlsOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The client process of the TLS echo benchmark ({@link TlsEchoBench}), the same for every server:
 * one asyncigo loop, N TLS connections (trusting only the benchmark's certificate), each a task
 * that writes a message, reads its echo in full, checks it and starts over. It warms up, prints
 * {@code measuring}, counts round trips for the measured seconds, then prints {@code trips N
 * nanos N} and exits.
 *
 * <p>Usage: {@code java -cp benchmarks.jar asyncigo.bench.TlsEchoClientMain PORT CONNECTIONS
 * BYTES WARMUP_SECONDS SECONDS KEYSTORE}
 */
public final class TlsEchoClientMain {
  private final ByteBuffer message;
  private long trips;
  private boolean stopping;

  private TlsEchoClientMain(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    message = ByteBuffer.allocateDirect(size).put(bytes).flip();
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 6) {
      throw new IllegalArgumentException(
          "usage: TlsEchoClientMain PORT CONNECTIONS BYTES WARMUP_SECONDS SECONDS KEYSTORE");
    }
    int port = Integer.parseInt(args[0]);
    int connections = Integer.parseInt(args[1]);
    TlsEchoClientMain client = new TlsEchoClientMain(Integer.parseInt(args[2]));
    Duration warmup = Duration.ofSeconds(Long.parseLong(args[3]));
    Duration measured = Duration.ofSeconds(Long.parseLong(args[4]));
    TlsOptions tls =
        TlsOptions.client(TlsBenchKeys.load(Path.of(args[5])).clientContext())
            .withoutHostnameVerification();
    try (Loop loop = Loop.open()) {
      loop.run(() -> client.drive(loop, port, connections, tls, warmup, measured));
    }
  }

  private Void drive(
      Loop loop, int port, int connections, TlsOptions tls, Duration warmup, Duration measured)
      throws IOException {
    List<AsyncStream> streams = new ArrayList<>();
    List<Task<Void>> workers = new ArrayList<>();
    try {
      for (int i = 0; i < connections; i++) {
        streams.add(loop.connect("127.0.0.1", port, tls));
      }
      for (AsyncStream stream : streams) {
        workers.add(loop.spawn(() -> pingPong(stream)));
      }
      loop.sleep(warmup);
      System.out.println("measuring");
      System.out.flush();
      long before = trips;
      long start = loop.time();
      loop.sleep(measured);
      long counted = trips - before;
      long nanos = loop.time() - start;
      System.out.println("trips " + counted + " nanos " + nanos);
      System.out.flush();
      stopping = true;
      Async.gather(workers);
      return null;
    } finally {
      workers.forEach(Task::cancel);
      streams.forEach(AsyncStream::close);
    }
  }

  private Void pingPong(AsyncStream stream) throws IOException {
    ByteBuffer echo = ByteBuffer.allocateDirect(message.capacity());
    while (!stopping) {
      stream.write(message.duplicate());
      echo.clear();
      while (echo.hasRemaining()) {
        if (stream.read(echo) < 0) {
          throw new IOException("the server closed the connection");
        }
      }
      if (!echo.flip().equals(message)) {
        throw new IOException("the server echoed different bytes than were sent");
      }
      trips++;
    }
    return null;
  }
}

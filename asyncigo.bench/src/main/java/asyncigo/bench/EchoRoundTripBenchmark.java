package asyncigo.bench;

import asyncigo.api.Loop;
import asyncigo.api.LoopOptions;
import asyncigo.api.net.AsyncStream;
import java.io.EOFException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One echo round trip over loopback TCP, in process, on the {@code ByteBuffer} path: a client
 * loop on the benchmark thread writes {@value #MESSAGE_BYTES} bytes from a direct buffer and
 * reads the echo into another; the server is {@link AsyncigoEchoServer} (a loop on its own
 * thread, same poller). The connection is made once per trial and kept, so an invocation ({@value
 * #ROUND_TRIPS} round trips in one {@code loop.run}) does nothing but I/O. Meant for {@code -prof
 * gc}: {@code gc.alloc.rate.norm} is the bytes both loops allocate per round trip (the target is
 * 0; the one task {@code loop.run} makes per invocation adds a fraction of a byte).
 *
 * <p>Usage: {@code java -jar asyncigo.bench/target/benchmarks.jar EchoRoundTripBenchmark -prof
 * gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {LoopBenchmarkFork.OPEN_JAVA_LANG, LoopBenchmarkFork.NATIVE_ACCESS})
@OperationsPerInvocation(EchoRoundTripBenchmark.ROUND_TRIPS)
@State(Scope.Thread)
public class EchoRoundTripBenchmark {
  static final int ROUND_TRIPS = 10_000;
  static final int MESSAGE_BYTES = 1024;

  /** The poller both loops use. */
  @Param({"nio", "epoll"})
  public String poller;

  private AsyncigoEchoServer server;
  private Loop loop;
  private AsyncStream client;
  private final ByteBuffer message = ByteBuffer.allocateDirect(MESSAGE_BYTES);
  private final ByteBuffer reply = ByteBuffer.allocateDirect(MESSAGE_BYTES);

  @Setup(Level.Trial)
  public void connect() throws Exception {
    server = new AsyncigoEchoServer(poller);
    InetSocketAddress address = server.start();
    loop = Loop.open(LoopOptions.defaults().poller(poller));
    client = loop.run(() -> loop.connect("127.0.0.1", address.getPort()));
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    loop.close();
    server.close();
  }

  @Benchmark
  public int roundTrips() {
    return loop.run(this::echoes);
  }

  private Integer echoes() throws Exception {
    int received = 0;
    for (int i = 0; i < ROUND_TRIPS; i++) {
      client.write(message.clear());
      reply.clear();
      while (reply.hasRemaining()) {
        if (client.read(reply) < 0) {
          throw new EOFException("the echo server closed the connection");
        }
      }
      received += reply.position();
    }
    return received;
  }
}

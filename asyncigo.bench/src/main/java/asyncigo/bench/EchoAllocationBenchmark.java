package asyncigo.bench;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One 1 KiB echo round trip through an in-process server, for the allocation figure of issue 12:
 * run it with {@code -prof gc} and read {@code gc.alloc.rate.norm}, the bytes the whole JVM
 * allocated per round trip (JMH sums every thread's allocation, so the server's loop thread
 * counts). The client is the benchmark thread on a blocking {@link SocketChannel} with direct
 * buffers, which allocates nothing per round trip; the {@code platform-thread} server (a blocking
 * echo loop on a platform thread, direct buffer) is the control that shows the measurement's own
 * floor. {@code asyncigo-epoll} and {@code asyncigo-nio} are {@link AsyncigoEchoServer}: one loop
 * serving with the {@code ByteBuffer} echo loop, on the engine of the {@code engine} parameter.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {
      LoopBenchmarkFork.OPEN_JAVA_LANG,
      LoopBenchmarkFork.EXPORT_CONTINUATION,
      LoopBenchmarkFork.NATIVE_ACCESS
    })
@State(Scope.Thread)
public class EchoAllocationBenchmark {
  private static final int MESSAGE_BYTES = 1024;

  /** The server: {@code asyncigo-epoll}, {@code asyncigo-nio} or {@code platform-thread}. */
  @Param({"asyncigo-epoll", "asyncigo-nio", "platform-thread"})
  public String server;

  /** The engine of the asyncigo servers, set as {@code -Dasyncigo.engine} before they start. */
  @Param({"virtual", "carrier"})
  public String engine;

  private EchoServer running;
  private SocketChannel client;
  private final ByteBuffer message = ByteBuffer.allocateDirect(MESSAGE_BYTES);
  private final ByteBuffer reply = ByteBuffer.allocateDirect(MESSAGE_BYTES);

  @Setup(Level.Trial)
  public void connect() throws Exception {
    System.setProperty("asyncigo.engine", engine);
    running =
        switch (server) {
          case "asyncigo-epoll" -> new AsyncigoEchoServer("epoll");
          case "asyncigo-nio" -> new AsyncigoEchoServer("nio");
          case "platform-thread" -> new PlatformThreadEchoServer();
          default -> throw new IllegalArgumentException("unknown server " + server);
        };
    InetSocketAddress address = running.start();
    client = SocketChannel.open(address);
    client.setOption(StandardSocketOptions.TCP_NODELAY, true);
    while (message.hasRemaining()) {
      message.put((byte) message.position());
    }
  }

  @Benchmark
  public byte roundTrip() throws IOException {
    message.clear();
    while (message.hasRemaining()) {
      client.write(message);
    }
    reply.clear();
    while (reply.hasRemaining()) {
      if (client.read(reply) < 0) {
        throw new EOFException("the server closed the connection");
      }
    }
    return reply.get(MESSAGE_BYTES - 1);
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    client.close();
    running.close();
  }

  /** The control: one connection echoed by a blocking loop on a platform thread. */
  private static final class PlatformThreadEchoServer implements EchoServer {
    private ServerSocketChannel listener;
    private Thread thread;

    @Override
    public String name() {
      return "platform-thread";
    }

    @Override
    public InetSocketAddress start() throws IOException {
      listener = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
      thread = Thread.ofPlatform().name("platform-thread-echo").start(this::serve);
      return (InetSocketAddress) listener.getLocalAddress();
    }

    private void serve() {
      ByteBuffer buffer = ByteBuffer.allocateDirect(65536);
      try (SocketChannel connection = listener.accept()) {
        connection.setOption(StandardSocketOptions.TCP_NODELAY, true);
        while (connection.read(buffer.clear()) >= 0) {
          buffer.flip();
          while (buffer.hasRemaining()) {
            connection.write(buffer);
          }
        }
      } catch (IOException closed) {
        // the benchmark closed the listener or the connection: the trial is over
      }
    }

    @Override
    public void close() throws Exception {
      listener.close();
      thread.join();
    }
  }
}

package asyncigo.examples.readme;

import static asyncigo.iter.Iter.*;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import asyncigo.api.Async;
import asyncigo.api.Loop;
import asyncigo.api.iter.AsyncIterator;
import asyncigo.api.net.AsyncStream;
import asyncigo.iter.AsyncSeq;
import asyncigo.iter.Pair;
import asyncigo.test.AsyncigoTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

/**
 * README "Async iterators and combinators": the cheat sheet runs on virtual time against a
 * loopback server that sends the four lines of {@code SocketLinesExample} to each connection, and
 * prints what the README's comments say. The server is a blocking one on a thread of its own: a
 * listening socket of the loop under test would keep its clock at the real rate.
 */
@AsyncigoTest
class IterCheatSheetTest {
  private static final List<String> LINES =
      List.of(
          "生麦生米生卵",
          "すもももももももものうち",
          "東京特許許可局長今日急遽休暇許可却下",
          "斜め77度の並びで泣く泣く嘶くナナハン7台難なく並べて長眺め");

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, UTF_8);

  /** Sends {@link #LINES} to each connection, then closes it, until closed. */
  private static final class LineServer implements AutoCloseable {
    private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final Thread acceptor = Thread.ofVirtual().name("line-server").start(this::serve);

    LineServer() throws IOException {}

    int port() {
      return socket.getLocalPort();
    }

    private void serve() {
      byte[] text = (String.join("\n", LINES) + "\n").getBytes(UTF_8);
      while (!socket.isClosed()) {
        try (Socket connection = socket.accept()) {
          connection.getOutputStream().write(text);
        } catch (IOException e) {
          // Closed: the loop ends. A client that left early: serve the next one.
        }
      }
    }

    @Override
    public void close() throws Exception {
      socket.close();
      acceptor.join();
    }
  }

  /** An endless sensor: {@code name1}, {@code name2}, ... one every {@code period}. */
  private static AsyncSeq<String> sensor(String name, Duration period) {
    return generate(y -> {
      for (int i = 1; ; i++) {
        Async.sleep(period);
        y.yield(name + i);
      }
    });
  }

  @Test
  void theCheatSheetPrintsWhatItsCommentsSay(Loop loop) throws Exception {
    AsyncSeq<String> sensorA = sensor("a", Duration.ofSeconds(2));
    AsyncSeq<String> sensorB = sensor("b", Duration.ofMillis(3500));
    try (LineServer server = new LineServer()) {
      int port = server.port();

      // The README quotes from here to the fromPublisher line.
      // A generator: the body may await between yields.
      AsyncSeq<Integer> lengths = generate(y -> {
        try (AsyncStream stream = Loop.current().connect("localhost", port)) {
          for (String line : stream.text(UTF_8).lines()) {
            y.yield(line.codePointCount(0, line.length()));
          }
        }
      });
      for (int n : lengths) out.println(n);              // pull, inside a task: 6 12 18 30
      lengths.filter(n -> n > 10).forEach(out::println); // push: no task switch per element

      // Lazy utilities over plain and async iterables:
      List<Integer> flat = flatMap(range(5), v -> range(v + 1)).toList();  // [0, 0, 1, 0, 1, 2, 0, 1, 2, 3, 0, 1, 2, 3, 4]
      for (Pair<Integer, String> p : zipLongest(List.of(1, 2), List.of("a", "b", "c")))
        out.println(p.first() + ": " + p.second());     // 1: a, 2: b, null: c

      // Early exit runs the producer's cleanup (its finally blocks, its socket) before close() returns:
      try (AsyncIterator<byte[]> it = dialLines("localhost", port).iterator()) {
        it.next();
      }

      // Concurrent sources in arrival order; Flow interop with backpressure:
      merge(sensorA, sensorB).take(10).forEach(out::println);
      Flow.Publisher<Integer> pub = toPublisher(lengths, loop);
      List<Integer> back = fromPublisher(pub, 16).toList();

      assertEquals(List.of(0, 0, 1, 0, 1, 2, 0, 1, 2, 3, 0, 1, 2, 3, 4), flat);
      assertEquals(List.of(6, 12, 18, 30), back);
    }
    assertEquals(
        List.of(
            "6", "12", "18", "30", "12", "18", "30", "1: a", "2: b", "null: c",
            "a1", "b1", "a2", "a3", "b2", "a4", "a5", "b3", "a6", "b4"),
        printed.toString(UTF_8).lines().toList());
  }
}

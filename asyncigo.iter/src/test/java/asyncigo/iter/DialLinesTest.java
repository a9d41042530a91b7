package asyncigo.iter;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.Async;
import asyncigo.api.CancelledException;
import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.Promise;
import asyncigo.api.Task;
import asyncigo.api.UncheckedExecutionException;
import asyncigo.api.iter.AsyncIterator;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.Server;
import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code dialLines} against a real server on loopback. */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DialLinesTest {

  /**
   * A loopback server that sends {@code text} (then half-closes if {@code hangUp}), then reads
   * until the client closes its end, and reports how each connection ended: "client closed after
   * sending N bytes" at end of stream, "client reset" when the client closed with unread data.
   */
  private static final class LineServer implements AutoCloseable {
    final Server server;
    final List<Future<String>> closedByClient = new ArrayList<>();
    final Promise<Void> connected = Loop.current().newFuture();
    int connections;

    LineServer(String text, boolean hangUp) throws Exception {
      Loop loop = Loop.current();
      server =
          loop.listen(
              "127.0.0.1",
              0,
              stream -> {
                connections++;
                connected.complete(null);
                Promise<String> closed = loop.newFuture();
                closedByClient.add(closed);
                stream.write(text.getBytes(UTF_8));
                if (hangUp) {
                  stream.shutdownOutput();
                }
                try {
                  byte[] rest = stream.readAll();
                  closed.complete("client closed after sending " + rest.length + " bytes");
                } catch (IOException e) {
                  closed.complete("client reset");
                }
              });
    }

    int port() {
      return server.localAddress().getPort();
    }

    @Override
    public void close() {
      server.close();
    }
  }

  /** The client closed its end, cleanly or (with data it had not read yet) by a reset. */
  private static void assertClosedByClient(Future<String> end) {
    String how = end.await();
    assertTrue(
        how.equals("client closed after sending 0 bytes") || how.equals("client reset"), how);
  }

  private static List<String> strings(List<byte[]> lines) {
    return lines.stream().map(b -> new String(b, UTF_8)).toList();
  }

  @Test
  void dialLinesYieldsEachLineWithItsNewlineAndClosesTheConnectionAtTheEnd() {
    TestLoop.runOnce(
        () -> {
          try (LineServer server = new LineServer("one\ntwo\nthree", true)) {
            List<byte[]> lines = Iter.dialLines("127.0.0.1", server.port()).toList();
            assertEquals(List.of("one\n", "two\n", "three"), strings(lines));
            assertEquals(
                "client closed after sending 0 bytes", server.closedByClient.get(0).await());
          }
          return null;
        });
  }

  @Test
  void pullingDialLinesGivesTheSameLinesAndClosesTheConnectionAtTheEnd() {
    TestLoop.runOnce(
        () -> {
          try (LineServer server = new LineServer("a\nb\n", true)) {
            List<String> lines = new ArrayList<>();
            for (byte[] line : Iter.dialLines("127.0.0.1", server.port())) {
              lines.add(new String(line, UTF_8));
            }
            assertEquals(List.of("a\n", "b\n"), lines);
            assertEquals(
                "client closed after sending 0 bytes", server.closedByClient.get(0).await());
          }
          return null;
        });
  }

  @Test
  void stoppingEarlyClosesTheConnectionBeforeTheServerIsDone() {
    TestLoop.runOnce(
        () -> {
          try (LineServer server = new LineServer("1\n2\n3\n", false)) {
            AsyncSeq<byte[]> lines = Iter.dialLines("127.0.0.1", server.port());
            assertEquals(List.of("1\n"), strings(lines.take(1).toList()));
            assertClosedByClient(server.closedByClient.get(0));
            try (AsyncIterator<byte[]> it = lines.iterator()) {
              assertEquals("1\n", new String(it.next(), UTF_8));
            }
            assertClosedByClient(server.closedByClient.get(1));
          }
          return null;
        });
  }

  @Test
  void cancellingTheConsumerWhileItWaitsForALineClosesTheConnection() {
    TestLoop.runOnce(
        () -> {
          try (LineServer server = new LineServer("only line\n", false)) {
            Task<Integer> consumer =
                Async.spawn(
                    () -> {
                      int n = 0;
                      for (byte[] ignored : Iter.dialLines("127.0.0.1", server.port())) {
                        n++;
                      }
                      return n;
                    });
            server.connected.await();
            consumer.cancel();
            assertThrows(CancelledException.class, consumer::await);
            assertClosedByClient(server.closedByClient.get(0));
          }
          return null;
        });
  }

  @Test
  void eachIterationDialsAgain() {
    TestLoop.runOnce(
        () -> {
          try (LineServer server = new LineServer("x\n", true)) {
            AsyncSeq<byte[]> lines = Iter.dialLines("127.0.0.1", server.port());
            lines.toList();
            lines.toList();
            assertEquals(2, server.connections);
          }
          return null;
        });
  }

  @Test
  void aRefusedConnectionIsTheSequencesFailure() {
    TestLoop.runOnce(
        () -> {
          int port;
          try (Server closed = Loop.current().listen("127.0.0.1", 0, AsyncStream::close)) {
            port = closed.localAddress().getPort();
          }
          UncheckedExecutionException thrown =
              assertThrows(
                  UncheckedExecutionException.class,
                  () -> Iter.dialLines("127.0.0.1", port).toList());
          assertInstanceOf(ConnectException.class, thrown.getCause());
          return null;
        });
  }
}

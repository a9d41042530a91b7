package asyncigo.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import asyncigo.api.Future;
import asyncigo.api.Promise;
import asyncigo.api.UnhandledFailure;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.Server;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a server reports to the loop's exception handler: a handler that returns normally is never
 * reported, whatever became of its stream (closed by the handler, reset by the peer); an
 * exception that escapes a handler is reported exactly once. Runs through a one-line subclass per
 * backend, like {@link TransportContract}.
 *
 * @since 0.1
 */
public abstract class TransportHandlerReportContract extends TransportFixture {
  private static final String LOOPBACK = "127.0.0.1";

  @Test
  public void handlersThatCloseTheirStreamAndReturnAreNeverReported() {
    run(
        loop -> {
          Server server = loop.listen(LOOPBACK, 0, AsyncStream::close);
          int port = server.localAddress().getPort();
          for (int i = 0; i < 200; i++) {
            AsyncStream client = loop.connect(LOOPBACK, port);
            assertNull(client.read(1), "the handler closed its end");
            client.close();
          }
          eventually(loop, () -> server.connections() == 0, "every handler returned");
          server.close();
          return null;
        });
  }

  @Test
  public void handlersThatCatchThePeersResetAndReturnAreNeverReported() {
    int connections = 20;
    run(
        loop -> {
          List<IOException> caught = new ArrayList<>();
          Server server =
              loop.listen(
                  LOOPBACK,
                  0,
                  s -> {
                    s.write(bytes("hello\n"));
                    try {
                      while (s.read(1024) != null) {
                        // the peer sends nothing; it resets
                      }
                    } catch (IOException reset) {
                      caught.add(reset);
                      s.write(bytes("goodbye\n"));
                    }
                  });
          int port = server.localAddress().getPort();
          for (int i = 0; i < connections; i++) {
            loop.toThread(() -> connectReadOneByteAndReset(port)).await();
          }
          eventually(loop, () -> server.connections() == 0, "every handler returned");
          assertEquals(connections, caught.size(), "every handler caught the reset: " + caught);
          server.close();
          return null;
        });
  }

  @Test
  public void anExceptionThatEscapesAHandlerIsReportedExactlyOnce() {
    IllegalStateException thrown = new IllegalStateException("handler failed after closing");
    List<UnhandledFailure> unhandled = Collections.synchronizedList(new ArrayList<>());
    runCollecting(
        loop -> {
          Server server =
              loop.listen(
                  LOOPBACK,
                  0,
                  s -> {
                    s.write(bytes("partial reply"));
                    s.close();
                    throw thrown;
                  });
          AsyncStream client = loop.connect(LOOPBACK, server.localAddress().getPort());
          client.readAll();
          eventually(loop, () -> server.connections() == 0, "the handler ended");
          client.close();
          server.close();
          return null;
        },
        unhandled);
    assertEquals(1, unhandled.size(), unhandled.toString());
    assertSame(thrown, unhandled.get(0).exception());
  }

  @Test
  public void anIoExceptionThatEscapesAHandlerAfterAResetIsReportedExactlyOnce() {
    List<UnhandledFailure> unhandled = Collections.synchronizedList(new ArrayList<>());
    IOException escapedReset =
        runCollecting(
            loop -> {
              Promise<IOException> escaped = loop.newFuture();
              Server server =
                  loop.listen(
                      LOOPBACK,
                      0,
                      s -> {
                        s.write(bytes("hello\n"));
                        try {
                          s.readAll();
                        } catch (IOException reset) {
                          escaped.complete(reset);
                          throw reset;
                        }
                      });
              loop.toThread(() -> connectReadOneByteAndReset(server.localAddress().getPort()))
                  .await();
              IOException reset = escaped.await();
              eventually(loop, () -> server.connections() == 0, "the handler ended");
              server.close();
              return reset;
            },
            unhandled);
    assertEquals(1, unhandled.size(), unhandled.toString());
    assertSame(escapedReset, unhandled.get(0).exception());
  }

  /** A blocking client: waits for the server's first byte, then resets (SO_LINGER 0). */
  private Void connectReadOneByteAndReset(int port) throws IOException {
    try (BlockingPeer client = connected(LOOPBACK, port)) {
      if (client.socket().getInputStream().read() < 0) {
        throw new IOException("the server closed before the reset");
      }
      client.reset();
    }
    return null;
  }
}

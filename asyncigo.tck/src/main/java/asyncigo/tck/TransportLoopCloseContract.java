package asyncigo.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.LoopOptions;
import asyncigo.api.Promise;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.Pipe;
import asyncigo.api.net.Server;
import asyncigo.api.net.StreamClosedException;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What closing a loop does to the streams, servers and pipes it opened: it closes every one that
 * is still open, releasing its descriptor, and keeps none that was closed before. Runs through a
 * one-line subclass per backend, like {@link TransportContract}.
 *
 * @since 0.1
 */
public abstract class TransportLoopCloseContract extends TransportFixture {
  private static final String LOOPBACK = "127.0.0.1";
  private static final Path FDS = Path.of("/proc/self/fd");

  /** What one loop left open: its servers, the clients it connected, its pipes. */
  private record LeftOpen(List<Server> servers, List<AsyncStream> streams) {}

  @Test
  public void closingTheLoopClosesTheServersStreamsAndPipesNobodyClosed() throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(FDS), "needs /proc/self/fd (Linux)");
    openRunAndClose(3); // warm-up: classes loaded, lazily opened descriptors opened
    long before = openDescriptors(FDS);
    Loop loop = Loop.open(LoopOptions.defaults().poller(pollerName()));
    LeftOpen left = loop.run(() -> openAndLeave(transport(loop), 3));
    assertTrue(openDescriptors(FDS) > before, "the streams are open before the loop closes");
    for (AsyncStream stream : left.streams()) {
      assertFalse(stream.isClosed(), stream + " is open before the loop closes");
    }
    loop.close();
    for (AsyncStream stream : left.streams()) {
      assertTrue(stream.isClosed(), stream + " is closed with the loop");
    }
    assertEquals(before, openDescriptors(FDS), "open descriptors before and after the loop");
    for (Server server : left.servers()) {
      assertTrue(refused(server.localAddress().getPort()), server + " stopped listening");
    }
  }

  /** How many loops the descriptor test opens and closes: 100 for plain TCP. */
  protected int loopCycles() {
    return 100;
  }

  @Test
  public void manyLoopsClosedWithEverythingOpenLeaveTheDescriptorCountUnchanged()
      throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(FDS), "needs /proc/self/fd (Linux)");
    openRunAndClose(3);
    long before = openDescriptors(FDS);
    for (int i = 0; i < loopCycles(); i++) {
      openRunAndClose(2);
    }
    assertEquals(
        before,
        openDescriptors(FDS),
        "open descriptors before and after " + loopCycles() + " loops");
  }

  @Test
  public void aStreamLeftOpenByTheLoopRunFailsWithStreamClosedOnceTheLoopIsClosed() {
    Loop loop = Loop.open(LoopOptions.defaults().poller(pollerName()));
    Pipe pipe = loop.run(loop::pipe);
    loop.close();
    assertTrue(pipe.source().isClosed(), "the source end is closed with the loop");
    assertTrue(pipe.sink().isClosed(), "the sink end is closed with the loop");
    assertThrows(StreamClosedException.class, () -> pipe.source().read(1));
    assertThrows(StreamClosedException.class, () -> pipe.sink().write(new byte[] {1}));
  }

  @Test
  public void streamsAndServersClosedBeforeTheLoopAreNotKeptByIt() {
    run(
        loop -> {
          List<WeakReference<Object>> closed = new ArrayList<>();
          for (int i = 0; i < 10_000; i++) {
            Pipe pipe = loop.pipe();
            pipe.sink().close();
            pipe.source().close();
            if (i % 1000 == 0) {
              closed.add(new WeakReference<>(pipe.source()));
              closed.add(new WeakReference<>(pipe.sink()));
            }
          }
          closed.addAll(serveOneConnectionAndClose(loop));
          for (int i = 0; i < 100 && closed.stream().anyMatch(r -> r.get() != null); i++) {
            System.gc();
            loop.sleep(Duration.ofMillis(10));
          }
          assertEquals(List.of(), closed.stream().filter(r -> r.get() != null).toList());
          return null;
        });
  }

  /**
   * Serves one connection whose handler returns at once, closes the client and the server, and
   * returns weak references to the three.
   */
  private static List<WeakReference<Object>> serveOneConnectionAndClose(Loop loop)
      throws IOException {
    Promise<AsyncStream> accepted = loop.newFuture();
    Server server = loop.listen(LOOPBACK, 0, accepted::complete);
    AsyncStream client = loop.connect(LOOPBACK, server.localAddress().getPort());
    assertNull(client.read(1), "the handler returned at once, closing its end");
    eventually(loop, () -> server.connections() == 0, "the handler returned");
    client.close();
    server.close();
    return List.of(
        new WeakReference<>(accepted.await()),
        new WeakReference<>(client),
        new WeakReference<>(server));
  }

  /** Opens a loop, leaves {@code each} servers, connections and pipes open, closes the loop. */
  private void openRunAndClose(int each) {
    try (Loop loop = Loop.open(LoopOptions.defaults().poller(pollerName()))) {
      loop.run(() -> openAndLeave(transport(loop), each));
    }
  }

  /**
   * Opens {@code each} servers, each with a connected client, and {@code each} pipes, and leaves
   * them all open; checks that the servers are listening.
   */
  private static LeftOpen openAndLeave(Loop loop, int each) throws IOException {
    List<Server> servers = new ArrayList<>();
    List<AsyncStream> streams = new ArrayList<>();
    for (int i = 0; i < each; i++) {
      Server server = loop.listen(LOOPBACK, 0, TransportFixture::echo);
      servers.add(server);
      AsyncStream client = loop.connect(LOOPBACK, server.localAddress().getPort());
      client.write(bytes("ping")).await();
      assertEquals("ping", text(client.readExactly(4)));
      streams.add(client);
      Pipe pipe = loop.pipe();
      streams.add(pipe.source());
      streams.add(pipe.sink());
    }
    return new LeftOpen(servers, streams);
  }

  /** Whether nothing listens on {@code port} of the loopback any more. */
  @SuppressWarnings("try") // the probe only tests whether a connection is accepted
  private static boolean refused(int port) throws IOException {
    try (Socket probe = new Socket(LOOPBACK, port)) {
      return false;
    } catch (ConnectException expected) {
      return true;
    }
  }
}

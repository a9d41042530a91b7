package asyncigo.bench;

import asyncigo.api.Loop;
import asyncigo.api.LoopOptions;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.Server;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The asyncigo echo server: one loop, on its own platform thread, with the poller named at
 * construction, serving each connection with the natural user code of {@link #echo}, on
 * 127.0.0.1 or on a Unix domain socket ({@link #startUnix}).
 */
final class AsyncigoEchoServer implements EchoServer {
  /** How long starting or stopping may take. */
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final String poller;
  private final CompletableFuture<Bound> bound = new CompletableFuture<>();
  private Thread loopThread;
  /** The socket file to listen on, or null for TCP. */
  private Path unixPath;

  /** The running loop and its server, once listening. */
  private record Bound(Loop loop, Server server) {}

  AsyncigoEchoServer(String poller) {
    this.poller = poller;
  }

  @Override
  public String name() {
    return "asyncigo-" + poller;
  }

  @Override
  public InetSocketAddress start() throws Exception {
    return (InetSocketAddress) serving();
  }

  @Override
  public SocketAddress startUnix(Path path) throws Exception {
    unixPath = path;
    return serving();
  }

  /** Starts the loop thread and returns the address its server is bound to. */
  private SocketAddress serving() throws Exception {
    loopThread = Thread.ofPlatform().name(name() + "-loop").start(this::serve);
    try {
      return bound.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).server().address();
    } catch (ExecutionException e) {
      loopThread.join();
      throw (Exception) e.getCause();
    }
  }

  /**
   * Echoes the stream until the peer closes it: read what came into one direct buffer, write it
   * back from there (the NIO-style form of the API: no copy, no allocation per message).
   */
  static void echo(AsyncStream stream) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocateDirect(65536);
    while (stream.read(buffer.clear()) >= 0) {
      stream.write(buffer.flip());
      stream.drain();
    }
  }

  /**
   * {@link #echo}, ending quietly when the peer leaves with bytes in flight (as the load client
   * does at the end of its run): over a Unix domain socket the next write then fails with
   * "Broken pipe", as Netty's peer closes the connection quietly on any error.
   */
  private static void echoUntilThePeerLeaves(AsyncStream stream) {
    try {
      echo(stream);
    } catch (IOException peerLeft) {
      // the connection is over either way
    }
  }

  private void serve() {
    try (Loop loop = Loop.open(LoopOptions.defaults().poller(poller))) {
      loop.run(
          () -> {
            Server server = unixPath == null
                ? loop.listen("127.0.0.1", 0, AsyncigoEchoServer::echo)
                : loop.listenUnix(unixPath, AsyncigoEchoServer::echoUntilThePeerLeaves);
            bound.complete(new Bound(loop, server));
            server.serveForever();
            return null;
          });
    } catch (RuntimeException | Error e) {
      if (!bound.completeExceptionally(e)) {
        throw e;
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    Bound b = bound.getNow(null);
    if (b != null) {
      b.loop().callSoonThreadsafe(b.server()::closeAll);
    }
    if (!loopThread.join(TIMEOUT)) {
      throw new IllegalStateException(name() + " did not stop within " + TIMEOUT);
    }
  }
}

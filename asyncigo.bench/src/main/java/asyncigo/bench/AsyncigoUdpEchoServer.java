package asyncigo.bench;

import asyncigo.api.Loop;
import asyncigo.api.LoopOptions;
import asyncigo.api.net.Datagram;
import asyncigo.api.net.DatagramEndpoint;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The asyncigo UDP echo server: one loop, on its own platform thread, with the poller named at
 * construction, and one endpoint on 127.0.0.1 that sends every datagram back to its sender with
 * the natural user code of {@link #echo}.
 */
final class AsyncigoUdpEchoServer implements EchoServer {
  /** How long starting or stopping may take. */
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final String poller;
  private final CompletableFuture<Bound> bound = new CompletableFuture<>();
  private Thread loopThread;

  /** The running loop, its endpoint and the endpoint's address, once bound. */
  private record Bound(Loop loop, DatagramEndpoint endpoint, InetSocketAddress address) {}

  AsyncigoUdpEchoServer(String poller) {
    this.poller = poller;
  }

  @Override
  public String name() {
    return "asyncigo-udp-" + poller;
  }

  @Override
  public InetSocketAddress start() throws Exception {
    loopThread = Thread.ofPlatform().name(name() + "-loop").start(this::serve);
    try {
      return bound.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).address();
    } catch (ExecutionException e) {
      loopThread.join();
      throw (Exception) e.getCause();
    }
  }

  /** Sends every datagram back to its sender until the endpoint closes. */
  static void echo(DatagramEndpoint endpoint) throws Exception {
    for (Datagram datagram : endpoint.datagrams()) {
      endpoint.send(datagram.payload(), datagram.sender());
    }
  }

  private void serve() {
    try (Loop loop = Loop.open(LoopOptions.defaults().poller(poller))) {
      loop.run(() -> {
        DatagramEndpoint endpoint = loop.openDatagram(new InetSocketAddress("127.0.0.1", 0));
        bound.complete(new Bound(loop, endpoint, endpoint.localAddress()));
        echo(endpoint);
        return null;
      });
    } catch (RuntimeException e) {
      bound.completeExceptionally(e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    Bound b = bound.getNow(null);
    if (b != null) {
      b.loop().callSoonThreadsafe(b.endpoint()::close);
    }
    loopThread.join(TIMEOUT.toMillis());
  }
}

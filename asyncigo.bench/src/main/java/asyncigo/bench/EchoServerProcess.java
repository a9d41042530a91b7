package asyncigo.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * One echo server in a process of its own, for {@link ProcessEchoBench}: starts the server named
 * by the first argument with the number of threads (loops, event-loop threads) given by the
 * second, prints {@code listening PORT} on standard output, serves until standard input ends (the
 * bench closes it), then closes the server and exits.
 *
 * <p>Usage: {@code java -cp benchmarks.jar asyncigo.bench.EchoServerProcess asyncigo-epoll 2}.
 */
public final class EchoServerProcess {
  private EchoServerProcess() {}

  /**
   * The servers this process can run, by name, given a thread count: asyncigo with the
   * direct-buffer echo loop on either poller, asyncigo with the README's {@code byte[]} echo loop
   * on epoll, and Netty on either transport.
   */
  static final Map<String, IntFunction<EchoServer>> SERVERS =
      Map.of(
          "asyncigo-nio", loops -> new AsyncigoGroupEchoServer("nio", loops),
          "asyncigo-epoll", loops -> new AsyncigoGroupEchoServer("epoll", loops),
          "asyncigo-bytes-epoll",
          loops ->
              new AsyncigoGroupEchoServer(
                  "asyncigo-bytes-epoll", "epoll", loops, AsyncigoGroupEchoServer::echoBytes),
          "netty-nio", threads -> new NettyEchoServer(NettyEchoServer.Transport.NIO, threads),
          "netty-epoll", threads -> new NettyEchoServer(NettyEchoServer.Transport.EPOLL, threads));

  public static void main(String[] args) throws Exception {
    IntFunction<EchoServer> factory = args.length == 2 ? SERVERS.get(args[0]) : null;
    if (factory == null) {
      throw new IllegalArgumentException(
          "usage: EchoServerProcess SERVER THREADS; servers: " + SERVERS.keySet());
    }
    EchoServer server = factory.apply(Integer.parseInt(args[1]));
    InetSocketAddress address = server.start();
    System.out.println("listening " + address.getPort());
    System.out.flush();
    waitForEndOfInput();
    server.close();
  }

  private static void waitForEndOfInput() throws IOException {
    while (System.in.read() >= 0) {
      // the bench writes nothing; it closes the stream to stop the server
    }
  }
}

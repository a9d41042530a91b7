package asyncigo.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * One echo server in a process of its own, for {@link ProcessEchoBench}: starts the server named
 * by the first argument with the number of threads (loops, event-loop threads) given by the
 * second, prints {@code listening PORT} on standard output, serves until standard input ends (the
 * bench closes it), then closes the server and exits. With {@code --unix PATH} it serves on a
 * Unix domain socket at PATH instead, with one thread (an asyncigo server is then a single loop,
 * {@link AsyncigoEchoServer}), and prints {@code listening PATH}.
 *
 * <p>Usage: {@code java -cp benchmarks.jar asyncigo.bench.EchoServerProcess asyncigo-epoll 2
 * [--unix /tmp/echo.sock]}. The UDP servers print {@code listening PORT} too: the port of their
 * datagram socket.
 */
public final class EchoServerProcess {
  private EchoServerProcess() {}

  /**
   * The servers this process can run, by name, given a thread count: asyncigo with the
   * direct-buffer echo loop on either poller, asyncigo with the README's {@code byte[]} echo loop
   * on epoll, Netty on either transport, and UDP ({@code *-udp-*}, one thread and one socket
   * whatever the count, for {@code udp_echo_load}).
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
          "netty-epoll", threads -> new NettyEchoServer(NettyEchoServer.Transport.EPOLL, threads),
          "asyncigo-udp-nio", one -> new AsyncigoUdpEchoServer("nio"),
          "asyncigo-udp-epoll", one -> new AsyncigoUdpEchoServer("epoll"),
          "netty-udp-nio", one -> new NettyUdpEchoServer(NettyEchoServer.Transport.NIO),
          "netty-udp-epoll", one -> new NettyUdpEchoServer(NettyEchoServer.Transport.EPOLL));

  /** The servers of the Unix domain socket mode, by name: one thread each. */
  static final Map<String, Supplier<EchoServer>> UNIX_SERVERS =
      Map.of(
          "asyncigo-nio", () -> new AsyncigoEchoServer("nio"),
          "asyncigo-epoll", () -> new AsyncigoEchoServer("epoll"),
          "netty-nio", () -> new NettyEchoServer(NettyEchoServer.Transport.NIO),
          "netty-epoll", () -> new NettyEchoServer(NettyEchoServer.Transport.EPOLL));

  public static void main(String[] args) throws Exception {
    boolean unix = args.length == 4 && args[2].equals("--unix") && args[1].equals("1");
    IntFunction<EchoServer> factory = args.length == 2 || unix ? SERVERS.get(args[0]) : null;
    if (factory == null) {
      throw new IllegalArgumentException(
          "usage: EchoServerProcess SERVER THREADS [--unix PATH] (THREADS 1 with --unix);"
              + " servers: " + SERVERS.keySet());
    }
    EchoServer server;
    if (unix) {
      server = UNIX_SERVERS.get(args[0]).get();
      server.startUnix(Path.of(args[3]));
      System.out.println("listening " + args[3]);
    } else {
      server = factory.apply(Integer.parseInt(args[1]));
      InetSocketAddress address = server.start();
      System.out.println("listening " + address.getPort());
    }
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

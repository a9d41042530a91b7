package asyncigo.bench;

import asyncigo.api.LoopGroup;
import asyncigo.api.LoopGroupOptions;
import asyncigo.api.LoopOptions;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.GroupServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;

/**
 * The asyncigo echo server on a loop group of N loops, as {@code asyncigo echo-server --loops N}
 * runs: each connection served on one loop by {@link #echo}; with epoll each
 * loop listens on a socket of its own (SO_REUSEPORT), with NIO one loop accepts and hands the
 * connections round.
 */
final class AsyncigoGroupEchoServer implements EchoServer {
  private final String poller;
  private final int loops;
  private LoopGroup group;

  AsyncigoGroupEchoServer(String poller, int loops) {
    this.poller = poller;
    this.loops = loops;
  }

  @Override
  public String name() {
    return "asyncigo-" + poller;
  }

  @Override
  public InetSocketAddress start() throws Exception {
    group =
        LoopGroup.open(
            LoopGroupOptions.defaults()
                .loops(loops)
                .loopOptions(LoopOptions.defaults().poller(poller)));
    GroupServer server = group.listen("127.0.0.1", 0, AsyncigoGroupEchoServer::echo);
    return server.localAddress();
  }

  /** {@link AsyncigoEchoServer#echo}; a reset ends the connection quietly, as in Netty's peer. */
  private static void echo(AsyncStream stream) throws IOException {
    try {
      AsyncigoEchoServer.echo(stream);
    } catch (SocketException reset) {
      // echo_load ends its run by closing connections with bytes in flight: a reset.
    }
  }

  @Override
  public void close() {
    group.close(Duration.ZERO);
  }
}

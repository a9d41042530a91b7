package asyncigo.bench;

import asyncigo.api.LoopGroup;
import asyncigo.api.LoopGroupOptions;
import asyncigo.api.LoopOptions;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.GroupServer;
import asyncigo.api.net.StreamHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;

/**
 * The asyncigo echo server on a loop group of N loops, as {@code asyncigo echo-server --loops N}
 * runs: each connection served on one loop by {@link #echo} (the direct-buffer loop) or {@link
 * #echoBytes} (the README's {@code byte[]} loop); with epoll each loop listens on a socket of its
 * own (SO_REUSEPORT), with NIO one loop accepts and hands the connections round.
 */
final class AsyncigoGroupEchoServer implements EchoServer {
  /** The largest chunk {@link #echoBytes} reads at once, as in the README's echo server. */
  private static final int CHUNK = 64 * 1024;

  private final String name;
  private final String poller;
  private final int loops;
  private final StreamHandler handler;
  private LoopGroup group;

  /** A server named {@code asyncigo-POLLER} echoing with the direct-buffer loop. */
  AsyncigoGroupEchoServer(String poller, int loops) {
    this("asyncigo-" + poller, poller, loops, AsyncigoGroupEchoServer::echo);
  }

  AsyncigoGroupEchoServer(String name, String poller, int loops, StreamHandler handler) {
    this.name = name;
    this.poller = poller;
    this.loops = loops;
    this.handler = handler;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public InetSocketAddress start() throws Exception {
    group =
        LoopGroup.open(
            LoopGroupOptions.defaults()
                .loops(loops)
                .loopOptions(LoopOptions.defaults().poller(poller)));
    GroupServer server = group.listen("127.0.0.1", 0, handler);
    return server.localAddress();
  }

  /** {@link AsyncigoEchoServer#echo}; a reset ends the connection quietly, as in Netty's peer. */
  static void echo(AsyncStream stream) throws IOException {
    try {
      AsyncigoEchoServer.echo(stream);
    } catch (SocketException reset) {
      // echo_load ends its run by closing connections with bytes in flight: a reset.
    }
  }

  /**
   * The echo handler of the README's "TCP streams" section: read up to 64 KiB as a new array,
   * write that array back, wait for the output to drain; a reset ends the connection quietly.
   */
  static void echoBytes(AsyncStream stream) throws IOException {
    try {
      byte[] chunk;
      while ((chunk = stream.read(CHUNK)) != null) {
        stream.write(chunk);
        stream.drain();
      }
    } catch (SocketException reset) {
      // as in echo
    }
  }

  @Override
  public void close() {
    group.close(Duration.ZERO);
  }
}

package asyncigo.bench;

import asyncigo.api.Loop;
import asyncigo.api.LoopOptions;
import asyncigo.api.net.Server;
import asyncigo.api.net.TlsOptions;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * One server process of the TLS echo benchmark ({@link TlsEchoBench}): a TLS echo server on a
 * single event-loop thread, on 127.0.0.1 and a free port, which it prints ({@code port N}); it
 * stops when its standard input ends. Servers: {@code asyncigo-nio} and {@code asyncigo-epoll}
 * (asyncigo's TLS streams, the direct-buffer echo loop of {@link AsyncigoEchoServer#echo}), and
 * {@code netty-nio} and {@code netty-epoll} (Netty 4.2's {@code SslHandler} on the JDK's
 * SSLEngine, in front of Netty's echo example handler).
 *
 * <p>Usage: {@code java -cp benchmarks.jar asyncigo.bench.TlsEchoServerMain SERVER KEYSTORE}
 */
public final class TlsEchoServerMain {
  private TlsEchoServerMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: TlsEchoServerMain SERVER KEYSTORE");
    }
    TlsBenchKeys keys = TlsBenchKeys.load(Path.of(args[1]));
    switch (args[0]) {
      case "asyncigo-nio" -> asyncigo("nio", keys);
      case "asyncigo-epoll" -> asyncigo("epoll", keys);
      case "netty-nio" -> netty(NettyEchoServer.Transport.NIO, keys);
      case "netty-epoll" -> netty(NettyEchoServer.Transport.EPOLL, keys);
      default -> throw new IllegalArgumentException("unknown server " + args[0]);
    }
  }

  private static void asyncigo(String poller, TlsBenchKeys keys) throws Exception {
    TlsOptions tls = TlsOptions.server(keys.serverContext());
    try (Loop loop = Loop.open(LoopOptions.defaults().poller(poller))) {
      loop.run(
          () -> {
            Server server = loop.listen("127.0.0.1", 0, tls, AsyncigoEchoServer::echo);
            announce(server.localAddress());
            Thread.ofVirtual().start(() -> {
              awaitEndOfInput();
              loop.callSoonThreadsafe(server::closeAll);
            });
            server.serveForever();
            return null;
          });
    }
  }

  private static void netty(NettyEchoServer.Transport transport, TlsBenchKeys keys)
      throws Exception {
    SslContext ssl =
        SslContextBuilder.forServer(keys.key(), keys.certificate())
            .sslProvider(SslProvider.JDK)
            .build();
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, transport.ioHandler());
    try {
      Channel listener =
          new ServerBootstrap()
              .group(group)
              .channel(transport.serverChannel())
              .childHandler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                      channel.pipeline().addLast(
                          ssl.newHandler(channel.alloc()), new NettyEchoServer.EchoHandler());
                    }
                  })
              .bind("127.0.0.1", 0)
              .sync()
              .channel();
      announce((InetSocketAddress) listener.localAddress());
      awaitEndOfInput();
      listener.close().sync();
    } finally {
      group.shutdownGracefully(0, 0, TimeUnit.SECONDS).sync();
    }
  }

  private static void announce(InetSocketAddress address) {
    System.out.println("port " + address.getPort());
    System.out.flush();
  }

  private static void awaitEndOfInput() {
    try (InputStream in = System.in) {
      while (in.read() >= 0) {
        // the harness writes nothing; it closes our input to stop us
      }
    } catch (IOException e) {
      // the harness is gone: stop as well
    }
  }
}

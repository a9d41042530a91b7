package asyncigo.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerDomainSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The Netty 4.2 peer: one event-loop group ({@link MultiThreadIoEventLoopGroup}) of one thread by
 * default, or of several, that both accepts and serves (the listening channel lives on one of its
 * loops, which hands each accepted channel to the next loop, round robin), on the NIO or the
 * native epoll transport, with Netty's own echo example handler (write each buffer read, flush
 * when the read burst ends). Netty turns TCP_NODELAY on by default. On a Unix domain socket
 * ({@link #startUnix}): {@code NioServerDomainSocketChannel} (the JDK's Unix domain sockets) or
 * {@code EpollServerDomainSocketChannel}.
 */
final class NettyEchoServer implements EchoServer {
  /** A Netty transport: the I/O handler of the event loop and the matching channel class. */
  enum Transport {
    NIO,
    EPOLL;

    IoHandlerFactory ioHandler() {
      return this == NIO ? NioIoHandler.newFactory() : EpollIoHandler.newFactory();
    }

    Class<? extends ServerChannel> serverChannel() {
      return this == NIO ? NioServerSocketChannel.class : EpollServerSocketChannel.class;
    }

    Class<? extends ServerChannel> domainServerChannel() {
      return this == NIO
          ? NioServerDomainSocketChannel.class
          : EpollServerDomainSocketChannel.class;
    }

    SocketAddress domainAddress(Path path) {
      return this == NIO
          ? UnixDomainSocketAddress.of(path)
          : new DomainSocketAddress(path.toFile());
    }
  }

  private final Transport transport;
  private final int threads;
  private EventLoopGroup group;
  private Channel listener;

  /** A server with one event-loop thread. */
  NettyEchoServer(Transport transport) {
    this(transport, 1);
  }

  /** A server with {@code threads} event-loop threads. */
  NettyEchoServer(Transport transport, int threads) {
    this.transport = transport;
    this.threads = threads;
  }

  @Override
  public String name() {
    return "netty-" + transport.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public InetSocketAddress start() throws Exception {
    return (InetSocketAddress)
        bind(transport.serverChannel(), new InetSocketAddress("127.0.0.1", 0));
  }

  @Override
  public SocketAddress startUnix(Path path) throws Exception {
    return bind(transport.domainServerChannel(), transport.domainAddress(path));
  }

  private SocketAddress bind(Class<? extends ServerChannel> channel, SocketAddress local)
      throws Exception {
    if (transport == Transport.EPOLL && !Epoll.isAvailable()) {
      throw new IllegalStateException("Netty epoll unavailable: " + Epoll.unavailabilityCause());
    }
    group = new MultiThreadIoEventLoopGroup(threads, transport.ioHandler());
    listener =
        new ServerBootstrap()
            .group(group)
            .channel(channel)
            .childHandler(new EchoHandler())
            .bind(local)
            .sync()
            .channel();
    return listener.localAddress();
  }

  @Override
  public void close() throws InterruptedException {
    if (listener != null) {
      listener.close().sync();
    }
    group.shutdownGracefully(0, 0, TimeUnit.SECONDS).sync();
  }

  /** Netty's echo example handler. */
  @Sharable
  static final class EchoHandler extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ctx.write(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}

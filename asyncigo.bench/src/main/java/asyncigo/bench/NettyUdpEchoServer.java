package asyncigo.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The Netty 4.2 UDP peer: one event-loop thread ({@link MultiThreadIoEventLoopGroup} of one) and
 * one datagram channel on 127.0.0.1, NIO ({@link NioDatagramChannel}) or native epoll ({@link
 * EpollDatagramChannel}), whose handler writes every packet back to its sender and flushes when
 * the read burst ends.
 */
final class NettyUdpEchoServer implements EchoServer {
  private final NettyEchoServer.Transport transport;
  private EventLoopGroup group;
  private Channel channel;

  NettyUdpEchoServer(NettyEchoServer.Transport transport) {
    this.transport = transport;
  }

  @Override
  public String name() {
    return "netty-udp-" + transport.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public InetSocketAddress start() throws Exception {
    if (transport == NettyEchoServer.Transport.EPOLL && !Epoll.isAvailable()) {
      throw new IllegalStateException("Netty epoll unavailable: " + Epoll.unavailabilityCause());
    }
    Class<? extends DatagramChannel> channelClass = transport == NettyEchoServer.Transport.NIO
        ? NioDatagramChannel.class
        : EpollDatagramChannel.class;
    group = new MultiThreadIoEventLoopGroup(1, transport.ioHandler());
    channel = new Bootstrap().group(group).channel(channelClass).handler(new EchoHandler())
        .bind("127.0.0.1", 0).sync().channel();
    return (InetSocketAddress) channel.localAddress();
  }

  @Override
  public void close() throws InterruptedException {
    if (channel != null) {
      channel.close().sync();
    }
    group.shutdownGracefully(0, 0, TimeUnit.SECONDS).sync();
  }

  /** Writes each packet back to its sender; flushes once per read burst. */
  @Sharable
  static final class EchoHandler extends SimpleChannelInboundHandler<DatagramPacket> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
      ctx.write(new DatagramPacket(packet.content().retain(), packet.sender()));
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      ctx.flush();
    }
  }
}

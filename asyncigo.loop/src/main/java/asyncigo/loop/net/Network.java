package asyncigo.loop.net;

import asyncigo.api.Loop;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.DatagramEndpoint;
import asyncigo.api.net.DatagramOptions;
import asyncigo.api.net.Pipe;
import asyncigo.api.net.Server;
import asyncigo.api.net.StaleSocketFile;
import asyncigo.api.net.StreamHandler;
import asyncigo.api.net.TlsOptions;
import asyncigo.api.process.ProcessSpec;
import asyncigo.api.process.Subprocess;
import asyncigo.api.spi.PollAcceptor;
import asyncigo.api.spi.PollDatagram;
import asyncigo.api.spi.Poller;
import asyncigo.loop.io.IoReadiness;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLEngine;

/**
 * The loop's networking entry points: {@link Loop#connect}, {@link Loop#listen}, {@link
 * Loop#connectUnix}, {@link Loop#listenUnix}, {@link Loop#pipe}, {@link Loop#openDatagram}, and
 * {@link Loop#exec(ProcessSpec)}, whose pipes are streams like the others. The loop builds one and
 * delegates to it; every method is loop-confined (called from
 * a task of the loop, since connecting and resolving names suspend).
 */
public final class Network {
  /** The listen backlog asked for; the kernel caps it (Linux: {@code net.core.somaxconn}). */
  static final int BACKLOG = 4096;

  private final Loop loop;
  private final IoReadiness io;
  private final Poller poller;
  private final Connector connector;
  private StreamContext context;

  public Network(Loop loop, IoReadiness io, Poller poller) {
    this.loop = loop;
    this.io = io;
    this.poller = poller;
    this.connector = new Connector(loop, io, poller);
  }

  /** See {@link Loop#connect(String, int)}. */
  public AsyncStream connect(String host, int port) throws IOException {
    Objects.requireNonNull(host, "host");
    requirePort(port, 1);
    return connect(host, NameResolver.resolve(loop, host), port);
  }

  /** Connects to one of {@code addresses} (raced when there are several) on {@code port}. */
  AsyncStream connect(List<InetAddress> addresses, int port) throws IOException {
    return connect(null, addresses, port);
  }

  /**
   * Connects to one of {@code addresses} of {@code host} (null if unknown) on {@code port}; the
   * stream remembers {@code host} for its TLS handshake.
   */
  ChannelStream connect(String host, List<InetAddress> addresses, int port) throws IOException {
    return ChannelStream.client(context(), connector.connect(addresses, port), host);
  }

  /** See {@link Loop#connect(String, int, TlsOptions)}. */
  public AsyncStream connect(String host, int port, TlsOptions tls) throws IOException {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(tls, "tls");
    requirePort(port, 1);
    TlsEngines.requireRole(tls, TlsOptions.Role.CLIENT, "connect");
    SSLEngine engine = TlsEngines.create(tls, host, port);
    ChannelStream stream = connect(host, NameResolver.resolve(loop, host), port);
    stream.upgrade(engine, tls.handshakeTimeout());
    return stream;
  }

  /** See {@link Loop#connect(String)}. */
  public AsyncStream connect(String hostAndPort) throws IOException {
    HostAndPort address = HostAndPort.parse(hostAndPort);
    return connect(address.host(), address.port());
  }

  /**
   * See {@link Loop#listen}. A null or empty host listens on every interface; a name listens on
   * its first address.
   */
  public Server listen(String host, int port, StreamHandler handler) throws IOException {
    Objects.requireNonNull(handler, "handler");
    requirePort(port, 0);
    PollAcceptor acceptor = registered(poller.listen(localAddress(host, port), BACKLOG));
    return TcpServer.start(context(), acceptor, handler);
  }

  /**
   * Listens on a socket of its own that shares {@code local}'s port with the sockets of the other
   * loops of a group (SO_REUSEPORT; see {@link #kernelBalancesSharedPorts}).
   */
  public Server listenSharingPort(InetSocketAddress local, StreamHandler handler)
      throws IOException {
    PollAcceptor acceptor = registered(poller.listen(local, BACKLOG, true));
    return TcpServer.start(context(), acceptor, handler);
  }

  /** Whether the kernel spreads a shared port's connections: {@link Poller#balancesSharedPorts}. */
  public boolean kernelBalancesSharedPorts() {
    return poller.balancesSharedPorts();
  }

  /**
   * The address to bind for {@code host:port}, as {@link #listen} reads them (a name is resolved
   * off the loop).
   */
  public InetSocketAddress localAddress(String host, int port) throws IOException {
    return host == null || host.isEmpty()
        ? new InetSocketAddress(port)
        : new InetSocketAddress(NameResolver.resolve(loop, host).get(0), port);
  }

  /** {@code acceptor}, registered with the readiness service; closed if that fails. */
  PollAcceptor registered(PollAcceptor acceptor) throws IOException {
    try {
      io.open(acceptor);
    } catch (IOException | RuntimeException e) {
      try {
        acceptor.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    return acceptor;
  }

  /** See {@link Loop#listen(String, int, TlsOptions, StreamHandler)}. */
  public Server listen(String host, int port, TlsOptions tls, StreamHandler handler)
      throws IOException {
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(handler, "handler");
    TlsEngines.requireRole(tls, TlsOptions.Role.SERVER, "listen");
    TlsEngines.create(tls, null, -1); // fails now, not at the first connection, if tls is wrong
    return listen(host, port, new TlsServerHandler(tls, handler));
  }

  /** See {@link Loop#connectUnix}. */
  public AsyncStream connectUnix(Path path) throws IOException {
    UnixSocketFile file = UnixSocketFile.at(path);
    return ChannelStream.client(context(), connector.connectUnix(file), null);
  }

  /** See {@link Loop#listenUnix(Path, StaleSocketFile, StreamHandler)}. */
  public Server listenUnix(Path path, StaleSocketFile stale, StreamHandler handler)
      throws IOException {
    Objects.requireNonNull(stale, "stale");
    Objects.requireNonNull(handler, "handler");
    UnixSocketFile file = UnixSocketFile.at(path);
    file.prepareToBind(stale);
    PollAcceptor acceptor = poller.listenUnix(file.address(), BACKLOG);
    file.created();
    try {
      registered(acceptor);
    } catch (IOException | RuntimeException e) {
      file.delete();
      throw e;
    }
    return TcpServer.start(context(), acceptor, handler, file);
  }

  /** See {@link Loop#pipe()}. */
  public Pipe pipe() throws IOException {
    Poller.PipeEnds ends = poller.pipe();
    try {
      io.open(ends.source());
      io.open(ends.sink());
    } catch (IOException | RuntimeException e) {
      io.close(ends.source(), "pipe setup failed");
      io.close(ends.sink(), "pipe setup failed");
      throw e;
    }
    return new Pipe(
        ChannelStream.source(context(), ends.source()), ChannelStream.sink(context(), ends.sink()));
  }

  /** See {@link Loop#openDatagram(InetSocketAddress, DatagramOptions)}. */
  public DatagramEndpoint openDatagram(InetSocketAddress local, DatagramOptions options)
      throws IOException {
    Objects.requireNonNull(local, "local");
    Objects.requireNonNull(options, "options");
    if (local.isUnresolved()) {
      throw new IllegalArgumentException("local address is unresolved: " + local);
    }
    InetSocketAddress remote = options.remote().orElse(null);
    if (remote != null && remote.getAddress() instanceof Inet6Address
        && !(local.getAddress() instanceof Inet6Address)) {
      throw new IllegalArgumentException(
          "an IPv4 endpoint (" + local + ") cannot connect to the IPv6 address " + remote);
    }
    PollDatagram channel = poller.openDatagram(local, options);
    try {
      io.open(channel);
    } catch (IOException | RuntimeException e) {
      io.close(channel, "datagram endpoint setup failed");
      throw e;
    }
    return new UdpEndpoint(context(), channel);
  }

  /** See {@link Loop#exec(ProcessSpec)}. */
  public Subprocess exec(ProcessSpec spec) throws IOException {
    Objects.requireNonNull(spec, "spec");
    return ChildProcess.start(context(), poller, spec);
  }

  /**
   * Closes every stream, server, pipe end and datagram endpoint of the loop that is still open
   * (the loop is closing): their descriptors are released and their waiters fail with {@link
   * asyncigo.api.net.StreamClosedException}; ends and reaps the children not seen to exit.
   */
  public void close() {
    if (context != null) {
      context.owned().closeAll();
    }
  }

  /** The loop's poller. */
  Poller poller() {
    return poller;
  }

  StreamContext context() {
    if (context == null) {
      context = StreamContext.of(loop, io);
    }
    return context;
  }

  private static void requirePort(int port, int min) {
    if (port < min || port > 65535) {
      throw new IllegalArgumentException(
          "port must be from " + min + " to 65535, got " + port);
    }
  }
}

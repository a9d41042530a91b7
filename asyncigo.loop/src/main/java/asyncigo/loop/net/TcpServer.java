package asyncigo.loop.net;

import asyncigo.api.CancelledException;
import asyncigo.api.Future;
import asyncigo.api.Promise;
import asyncigo.api.Task;
import asyncigo.api.net.Server;
import asyncigo.api.net.StreamHandler;
import asyncigo.api.spi.PollAcceptor;
import asyncigo.api.spi.PollStream;
import asyncigo.api.spi.Poller;
import asyncigo.loop.io.IoWatch;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listening socket (TCP, or a Unix domain socket whose {@link UnixSocketFile} it deletes when
 * it closes) and its accept loop. The accept loop is a task ({@code "server HOST:PORT"})
 * that accepts until the acceptor has nothing, then awaits READ readiness. A receiving server
 * ({@link #receiving}) has no socket: it serves the connections another loop accepted and handed
 * to it ({@link #serveHandedOff}), for a loop group. Each connection gets a
 * {@link ChannelStream} and a handler task named after the peer ({@code "connection HOST:PORT"});
 * when the handler returns, what it wrote is flushed and the stream closed.
 *
 * <p>Reports: an exception that escapes the handler fails its task, which nobody awaits, so the
 * loop reports it to its exception handler, once. A handler that returns normally is never
 * reported: the flush after it is skipped when the handler closed the stream, and its failure
 * (the peer reset or left while output was pending, so the output broke) is logged at debug
 * level; it is the connection's fate, not the handler's error.
 *
 * <p>{@code connections} maps each open connection's stream to its handler task; an entry leaves
 * when the handler ends (or, for a handler cancelled before it started, when its task is done).
 * The server is one of the loop's {@link OwnedResources} until it closes; so is each stream.
 * {@code openCount} mirrors its size for {@link #connections()}, which any thread may call.
 * {@code serveForever}, {@code close}, {@code closeAll} and {@code shutdown} are loop-confined and
 * check the calling thread before anything else. A graceful {@code shutdown} closes the server,
 * then a {@link GracefulShutdown} waits for the handlers running then and closes what is left at
 * its deadline.
 */
final class TcpServer implements Server, OwnedResources.Resource {
  private static final Logger LOG = LoggerFactory.getLogger(TcpServer.class);

  private final StreamContext context;
  private final IoWatch<PollAcceptor> acceptor;
  private final StreamHandler handler;
  private final SocketAddress localAddress;
  /** The socket file of a Unix domain socket server, deleted on close; null for TCP. */
  private final UnixSocketFile socketFile;
  private final Map<ChannelStream, Task<Void>> connections = new LinkedHashMap<>();
  private volatile int openCount;
  private final Promise<Void> closedSignal;
  private boolean closed;
  private GracefulShutdown shutdown;

  private TcpServer(
      StreamContext context,
      IoWatch<PollAcceptor> acceptor,
      StreamHandler handler,
      SocketAddress localAddress,
      UnixSocketFile socketFile) {
    this.context = context;
    this.acceptor = acceptor;
    this.handler = handler;
    this.localAddress = localAddress;
    this.socketFile = socketFile;
    this.closedSignal = context.loop().newFuture();
    context.owned().add(this);
  }

  /** Starts serving on {@code acceptor}, which is registered with the readiness service. */
  static TcpServer start(
      StreamContext context, IoWatch<PollAcceptor> acceptor, StreamHandler handler) {
    SocketAddress local =
        acceptor
            .channel()
            .localAddress()
            .orElseThrow(() -> new IllegalStateException("listening socket has no address"));
    return start(context, acceptor, handler, local, null);
  }

  /**
   * Starts serving on {@code acceptor}, a Unix domain socket bound to {@code file} and registered
   * with the readiness service; the server deletes the file when it closes.
   */
  static TcpServer start(
      StreamContext context,
      IoWatch<PollAcceptor> acceptor,
      StreamHandler handler,
      UnixSocketFile file) {
    return start(context, acceptor, handler, file.address(), file);
  }

  private static TcpServer start(
      StreamContext context,
      IoWatch<PollAcceptor> acceptor,
      StreamHandler handler,
      SocketAddress local,
      UnixSocketFile file) {
    TcpServer server = new TcpServer(context, acceptor, handler, local, file);
    context.loop().spawn("server " + format(local), server::acceptLoop);
    return server;
  }

  /** A server without a socket, for connections accepted on {@code local} by another loop. */
  static TcpServer receiving(
      StreamContext context, StreamHandler handler, InetSocketAddress local) {
    return new TcpServer(context, null, handler, local, null);
  }

  /**
   * Serves {@code accepted}, a stream of this loop's poller that another loop accepted; closes it
   * instead once this server is closed, or if it cannot be registered (logged at debug level).
   */
  void serveHandedOff(PollStream accepted) {
    try {
      if (closed) {
        accepted.close();
      } else {
        serve(accepted);
      }
    } catch (IOException e) {
      LOG.debug("{}: a connection handed over could not be served: {}", this, e.toString());
    }
  }

  @Override
  public InetSocketAddress localAddress() {
    if (localAddress instanceof InetSocketAddress inet) {
      return inet;
    }
    throw new UnsupportedOperationException(
        "a Unix domain socket server has no IP address or port: call Server.address(), which is "
            + localAddress);
  }

  @Override
  public SocketAddress address() {
    return localAddress;
  }

  @Override
  public int connections() {
    return openCount;
  }

  /**
   * {@inheritDoc} Cancelling the waiting task closes the server (as asyncio's {@code
   * serve_forever}). If accepting failed, the failure is thrown, wrapped in {@link
   * asyncigo.api.UncheckedExecutionException}.
   */
  @Override
  public void serveForever() {
    context.loop().checkLoopThread("Server.serveForever");
    serveUntilClosed(closedSignal, this::close);
  }

  /**
   * The body of {@code serveForever} for the servers of this package: waits for {@code closed}
   * (completed by close, failed if accepting failed) and closes the server if the waiting task is
   * cancelled.
   */
  static void serveUntilClosed(Future<Void> closed, Runnable close) {
    try {
      closed.shield().await();
    } catch (CancelledException e) {
      close.run();
      throw e;
    }
  }

  @Override
  public void close() {
    context.loop().checkLoopThread("Server.close");
    if (!closed) {
      closed = true;
      context.owned().remove(this);
      if (acceptor != null) {
        acceptor.close("server closed");
      }
      if (socketFile != null) {
        socketFile.delete();
      }
      closedSignal.complete(null);
    }
  }

  @Override
  public void closeAll() {
    context.loop().checkLoopThread("Server.closeAll");
    close();
    closeConnections();
  }

  @Override
  public Future<Integer> shutdown(Duration grace) {
    context.loop().checkLoopThread("Server.shutdown");
    GracefulShutdown.checkGrace(grace);
    if (shutdown == null) {
      close();
      shutdown =
          GracefulShutdown.start(
              context.loop(), List.copyOf(connections.values()), grace, this::closeConnections);
    } else {
      shutdown.tighten(grace);
    }
    return shutdown.done();
  }

  /** Cancels every open connection's handler and closes its stream; returns how many. */
  private int closeConnections() {
    List<Map.Entry<ChannelStream, Task<Void>>> open = new ArrayList<>(connections.entrySet());
    connections.clear();
    openCount = 0;
    for (Map.Entry<ChannelStream, Task<Void>> connection : open) {
      connection.getValue().cancel();
      connection.getKey().close();
    }
    return open.size();
  }

  @Override
  public String toString() {
    return "Server[" + format(localAddress) + (closed ? ", closed" : "") + "]";
  }

  private Void acceptLoop() throws IOException {
    try {
      while (!closed) {
        PollStream accepted = acceptor.channel().accept();
        if (accepted == null) {
          acceptor.await(Poller.READ);
        } else {
          serve(accepted);
        }
      }
    } catch (IOException e) {
      if (!closed) {
        closedSignal.fail(e);
        throw e;
      }
    } finally {
      close();
    }
    return null;
  }

  private void serve(PollStream accepted) throws IOException {
    IoWatch<PollStream> watch;
    try {
      watch = context.io().open(accepted);
    } catch (IOException | RuntimeException e) {
      try {
        accepted.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    ChannelStream stream = ChannelStream.duplex(context, watch);
    String peer = socketFile != null
        ? socketFile.toString() // a Unix client is unnamed: name the server's socket
        : accepted.remoteAddress().map(TcpServer::format).orElse("unknown peer");
    Task<Void> task = context.loop().spawn("connection " + peer, () -> handle(stream));
    connections.put(stream, task);
    openCount = connections.size();
    task.whenDone(done -> release(stream));
  }

  private Void handle(ChannelStream stream) throws Exception {
    try {
      handler.handle(stream);
      flushAfterHandler(stream);
    } finally {
      release(stream);
    }
    return null;
  }

  /** Sends what a handler that returned normally left buffered; never fails its task. */
  private static void flushAfterHandler(ChannelStream stream) {
    if (stream.isClosed()) {
      return;
    }
    try {
      stream.flush();
    } catch (IOException e) {
      LOG.debug("{}: output unsent after the handler returned: {}", stream, e.toString());
    }
  }

  private void release(ChannelStream stream) {
    stream.close();
    connections.remove(stream);
    openCount = connections.size();
  }

  static String format(SocketAddress address) {
    return address instanceof UnixDomainSocketAddress unix
        ? UnixSocketFile.text(unix)
        : HostAndPort.text(address);
  }
}

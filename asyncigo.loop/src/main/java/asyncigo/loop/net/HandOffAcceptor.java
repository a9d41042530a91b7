package asyncigo.loop.net;

import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.Promise;
import asyncigo.api.net.Server;
import asyncigo.api.net.StreamHandler;
import asyncigo.api.spi.PollAcceptor;
import asyncigo.api.spi.PollStream;
import asyncigo.api.spi.Poller;
import asyncigo.loop.io.IoWatch;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accepting part of a loop group's server where the kernel does not balance shared ports: one
 * listening socket on one loop, whose accept loop (a task named {@code "server HOST:PORT"}) gives
 * each connection to the next {@link Receiver}, round robin over the group's loops, its own
 * included. A connection for another loop is handed over with {@code callSoonThreadsafe} and
 * adopted by that loop's poller there ({@link Poller#adopt}): from then on only that loop touches
 * it. A connection for a loop that is closed, or whose receiver is closed, is closed.
 *
 * <p>It is a {@link Server} so that a group treats all its parts alike, but serves no connection
 * itself: {@link #connections()} is 0, {@link #closeAll()} is {@link #close()} and {@link
 * #shutdown} closes it and has nothing to wait for. One of the
 * loop's {@link OwnedResources} until it closes. Loop-confined.
 */
public final class HandOffAcceptor implements Server, OwnedResources.Resource {
  private static final Logger LOG = LoggerFactory.getLogger(HandOffAcceptor.class);

  private final StreamContext context;
  private final IoWatch<PollAcceptor> acceptor;
  private final InetSocketAddress localAddress;
  private final Promise<Void> closedSignal;
  private List<Receiver> receivers;
  private int next;
  private boolean closed;
  private Promise<Integer> shutdown;

  private HandOffAcceptor(StreamContext context, IoWatch<PollAcceptor> acceptor) {
    this.context = context;
    this.acceptor = acceptor;
    this.localAddress = (InetSocketAddress) acceptor.channel().localAddress().orElseThrow();
    this.closedSignal = context.loop().newFuture();
    context.owned().add(this);
  }

  /** Binds and registers a listening socket on {@code network}'s loop; accepts after start. */
  public static HandOffAcceptor bind(Network network, InetSocketAddress local) throws IOException {
    IoWatch<PollAcceptor> acceptor = network.registered(network.poller().listen(local, Network.BACKLOG));
    return new HandOffAcceptor(network.context(), acceptor);
  }

  /** Starts accepting and handing the connections to {@code receivers}, in turn. */
  public void start(List<Receiver> receivers) {
    this.receivers = List.copyOf(receivers);
    context.loop().spawn("server " + TcpServer.format(localAddress), this::acceptLoop);
  }

  @Override
  public InetSocketAddress localAddress() {
    return localAddress;
  }

  /** Always 0: the receivers serve the connections. */
  @Override
  public int connections() {
    return 0;
  }

  /** As {@link TcpServer#serveForever()}. */
  @Override
  public void serveForever() {
    context.loop().checkLoopThread("Server.serveForever");
    TcpServer.serveUntilClosed(closedSignal, this::close);
  }

  @Override
  public void close() {
    context.loop().checkLoopThread("Server.close");
    if (!closed) {
      closed = true;
      context.owned().remove(this);
      acceptor.close("server closed");
      closedSignal.complete(null);
    }
  }

  /** The same as {@link #close()}: the connections belong to the receivers. */
  @Override
  public void closeAll() {
    close();
  }

  /** Closes it; the receivers wait for the connections. The same future every time. */
  @Override
  public Future<Integer> shutdown(Duration grace) {
    context.loop().checkLoopThread("Server.shutdown");
    GracefulShutdown.checkGrace(grace);
    close();
    if (shutdown == null) {
      shutdown = context.loop().newFuture();
      shutdown.complete(0);
    }
    return shutdown;
  }

  @Override
  public String toString() {
    return "HandOffAcceptor[" + localAddress + (closed ? ", closed" : "") + "]";
  }

  private Void acceptLoop() throws IOException {
    try {
      while (!closed) {
        PollStream accepted = acceptor.channel().accept();
        if (accepted == null) {
          acceptor.await(Poller.READ);
        } else {
          receivers.get(next).take(accepted, context.loop());
          next = (next + 1) % receivers.size();
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

  /**
   * A loop's receiving server: where the acceptor hands connections. Built on its loop; {@link
   * #server()} is loop-confined to it, {@code take} is called on the accepting loop.
   */
  public static final class Receiver {
    private final Network network;
    private final TcpServer server;
    private final Loop loop;

    private Receiver(Network network, TcpServer server, Loop loop) {
      this.network = network;
      this.server = server;
      this.loop = loop;
    }

    /** A receiver on {@code network}'s loop, serving with {@code handler}. Loop-confined. */
    public static Receiver open(Network network, InetSocketAddress local, StreamHandler handler) {
      StreamContext context = network.context();
      return new Receiver(network, TcpServer.receiving(context, handler, local), context.loop());
    }

    /** The receiving server: its connections, and closing it. Loop-confined to its loop. */
    public Server server() {
      return server;
    }

    /** On the accepting loop: serves {@code accepted} there, or hands it to this loop. */
    private void take(PollStream accepted, Loop accepting) {
      if (loop == accepting) {
        server.serveHandedOff(accepted);
        return;
      }
      try {
        loop.callSoonThreadsafe(() -> adoptAndServe(accepted));
      } catch (IllegalStateException loopClosed) {
        closeQuietly(accepted);
      }
    }

    /** On this loop. */
    private void adoptAndServe(PollStream foreign) {
      PollStream adopted;
      try {
        adopted = network.poller().adopt(foreign);
      } catch (IOException | RuntimeException e) {
        LOG.debug("{}: a connection handed over could not be adopted: {}", server, e.toString());
        closeQuietly(foreign);
        return;
      }
      server.serveHandedOff(adopted);
    }

    private static void closeQuietly(PollStream stream) {
      try {
        stream.close();
      } catch (IOException ignored) {
        // Closing is best effort; the descriptor is released either way.
      }
    }
  }
}

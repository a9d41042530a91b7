package asyncigo.api.spi;

import asyncigo.api.net.DatagramOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;

/**
 * A readiness poller: the loop's multiplexer (a NIO {@code Selector}, epoll, ...), and the factory
 * of the non-blocking channels it can watch.
 *
 * <p><b>Who calls what.</b> One loop owns a poller. Every method is loop-confined (called only by
 * the thread running that loop) except {@link #wakeup()}, which any thread may call.
 *
 * <p><b>Readiness is level-triggered.</b> {@link #poll} reports a registered channel in every call
 * while it is ready for an operation in its interest set: the loop does not have to drain a
 * channel to {@code EAGAIN} before polling again.
 *
 * <p><b>Closed channels.</b> Registering a closed channel throws {@link
 * java.nio.channels.ClosedChannelException}. Closing a registered channel unregisters it; it is
 * never reported afterwards. {@link #interest} and {@link #unregister} on a channel that is not
 * registered (or closed) do nothing.
 *
 * @since 0.1
 */
public interface Poller extends AutoCloseable {
  /** Interest and readiness bit: readable, end of stream, or a connection to accept. */
  int READ = 1;

  /** Interest and readiness bit: writable, or a connect attempt finished. */
  int WRITE = 2;

  /**
   * Receives the channels found ready by one {@link #poll} call.
   *
   * @since 0.1
   */
  @FunctionalInterface
  interface ReadySink {
    /**
     * Called once per ready channel, on the polling thread, inside {@code poll}.
     *
     * @param attachment the object given to {@link #register}
     * @param readyOps {@link #READ} and/or {@link #WRITE}; errors and hang-ups report both bits
     *     of the interest set, so that the next read or write sees them
     */
    void ready(Object attachment, int readyOps);
  }

  /**
   * The two ends of {@link #pipe()}: bytes written to {@code sink} are read from source.
   *
   * @param source the end to read from
   * @param sink the end to write to
   * @since 0.1
   */
  record PipeEnds(PollStream source, PollStream sink) {}

  /** {@return the backend's name, as its provider's} */
  String name();

  /**
   * Starts watching {@code channel} for {@code interest} ({@link #READ}, {@link #WRITE}, both, or
   * 0). {@code attachment} is handed back by {@link #poll}.
   *
   * @param channel a channel this poller made
   * @param interest the operations to watch
   * @param attachment what {@link #poll} hands to the sink for this channel
   * @throws IllegalArgumentException if the channel was not made by this poller or is already
   *     registered
   * @throws java.nio.channels.ClosedChannelException if it is closed
   * @throws IOException if the OS call fails
   */
  void register(PollChannel channel, int interest, Object attachment) throws IOException;

  /**
   * Replaces the interest set of a registered channel.
   *
   * @param channel the channel
   * @param interest the operations to watch ({@link #READ}, {@link #WRITE}, both, or 0)
   * @throws IOException if the OS call fails
   */
  void interest(PollChannel channel, int interest) throws IOException;

  /**
   * Stops watching {@code channel}.
   *
   * @param channel the channel
   */
  void unregister(PollChannel channel);

  /**
   * Waits until a channel is ready, {@link #wakeup()} is called, or the timeout passes, then
   * hands every ready channel to {@code sink}. A negative timeout waits without limit, 0 returns
   * at once, a positive one waits at least that long (rounded up to the backend's granularity)
   * unless woken earlier.
   *
   * @param timeoutNanos the longest wait, in nanoseconds
   * @param sink receives each ready channel
   * @return the number of channels handed to the sink
   * @throws IOException if the OS call fails
   */
  int poll(long timeoutNanos, ReadySink sink) throws IOException;

  /**
   * Thread-safe: makes the current or the next {@link #poll} return at once. Wake-ups that arrive
   * while no poll runs are coalesced into one. Does nothing after {@link #close()}.
   */
  void wakeup();

  /**
   * Opens a non-blocking TCP socket and starts connecting it to {@code remote}: watch it for
   * {@link #WRITE}, then call {@link PollStream#finishConnect()}. TCP_NODELAY is on.
   *
   * @param remote the address to connect to
   * @return the connecting socket, not registered yet
   * @throws IOException if the socket cannot be opened or the connect fails at once
   */
  PollStream connect(InetSocketAddress remote) throws IOException;

  /**
   * Opens a non-blocking listening TCP socket bound to {@code local} (port 0: any free port).
   *
   * @param local the address to bind
   * @param backlog the listen backlog asked for (the kernel may cap it)
   * @return the listening socket, not registered yet
   * @throws IOException if the socket cannot be opened or bound
   */
  PollAcceptor listen(InetSocketAddress local, int backlog) throws IOException;

  /**
   * {@link #listen(InetSocketAddress, int)}, and with {@code sharePort} a socket that shares its
   * port: SO_REUSEPORT is on, so that other sockets with the option (of this process or of another
   * one run by the same user) can bind the same address, each accepting connections of its own.
   * Without {@code sharePort} it is exactly {@code listen(local, backlog)}.
   *
   * @param local the address to bind
   * @param backlog the accept backlog
   * @param sharePort whether the socket shares its port (SO_REUSEPORT)
   * @return the listening socket, not registered yet
   * @throws IOException if the socket cannot be opened or bound
   * @throws UnsupportedOperationException if {@code sharePort} is asked of a backend that cannot
   *     share ports (the default), naming the backend
   */
  default PollAcceptor listen(InetSocketAddress local, int backlog, boolean sharePort)
      throws IOException {
    if (sharePort) {
      throw new UnsupportedOperationException(
          "the " + name() + " poller cannot share a listening port (SO_REUSEPORT)");
    }
    return listen(local, backlog);
  }

  /**
   * Whether the kernel spreads the connections to a port over all the sockets that share it
   * ({@link #listen(InetSocketAddress, int, boolean)}), so that several loops can each accept on a
   * socket of their own: Linux does, by a hash of each connection's addresses and ports. False by
   * default: for a backend that cannot share ports, or that runs where sharing does not balance
   * (BSD and macOS give every connection to one of the sockets). A loop group then accepts on one
   * loop and hands each connection to the next loop with {@link #adopt}.
   *
   * @return whether the kernel balances a shared port's connections
   */
  default boolean balancesSharedPorts() {
    return false;
  }

  /**
   * Takes over {@code stream}, a connected socket made by a poller of this backend (this one or
   * another, typically one just accepted on another loop) and never registered: returns a stream
   * of this poller on the same socket, which this poller can watch. {@code stream} must not be
   * used afterwards; closing the returned stream closes the socket. Loop-confined to this poller's
   * thread; {@code stream} must have been handed over with a happens-before edge (such as {@link
   * asyncigo.api.Loop#callSoonThreadsafe}), and the poller that made it must not touch it again.
   *
   * @param stream the socket to take over
   * @return a stream of this poller on the same socket
   * @throws IOException if the socket cannot be taken over
   * @throws IllegalArgumentException if {@code stream} was made by another backend, is a pipe end,
   *     or is registered with a poller
   * @throws java.nio.channels.ClosedChannelException if {@code stream} is closed
   */
  PollStream adopt(PollStream stream) throws IOException;

  /**
   * Opens a non-blocking UDP socket bound to {@code local} (port 0: any free port) with {@code
   * options}: SO_BROADCAST, SO_RCVBUF, SO_SNDBUF and SO_REUSEADDR as asked, then connected to the
   * options' remote address if they name one. The socket is closed if a step fails.
   *
   * @param local the address to bind
   * @param options the socket's options
   * @return the socket, not registered yet
   * @throws java.net.BindException if the address cannot be bound
   * @throws IOException if the socket cannot be opened, configured or connected
   * @throws UnsupportedOperationException if the backend has no UDP sockets (the default),
   *     naming the backend
   */
  default PollDatagram openDatagram(
      InetSocketAddress local, DatagramOptions options) throws IOException {
    throw new UnsupportedOperationException("the " + name() + " poller has no UDP sockets");
  }

  /**
   * Opens a non-blocking Unix domain stream socket and starts connecting it to the socket file
   * {@code remote}: watch it for {@link #WRITE}, then call {@link PollStream#finishConnect()}, as
   * for {@link #connect(InetSocketAddress)}. A connect that fails at once (refused, no such file)
   * throws {@link java.net.ConnectException} from here or from {@code finishConnect}, its message
   * the reason alone (the loop adds the path). The loop checks the path's length before calling.
   *
   * @param remote the socket file to connect to
   * @return the connecting socket, not registered yet
   * @throws java.net.ConnectException if the connect failed at once (see above)
   * @throws IOException if the socket cannot be opened
   * @throws UnsupportedOperationException if the backend has no Unix domain sockets (the
   *     default), naming the backend
   */
  default PollStream connectUnix(UnixDomainSocketAddress remote) throws IOException {
    throw new UnsupportedOperationException(
        "the " + name() + " poller has no Unix domain sockets");
  }

  /**
   * Opens a non-blocking listening Unix domain stream socket bound to {@code local}, which
   * creates the socket file. Closing the acceptor does not delete the file: the loop does, as it
   * checks a file already there before calling.
   *
   * @param local the socket file to create
   * @param backlog the listen backlog asked for (the kernel may cap it)
   * @return the listening socket, not registered yet
   * @throws IOException if the socket cannot be opened or bound ({@link java.net.BindException}
   *     if a file is at the path)
   * @throws UnsupportedOperationException if the backend has no Unix domain sockets (the
   *     default), naming the backend
   */
  default PollAcceptor listenUnix(UnixDomainSocketAddress local, int backlog) throws IOException {
    throw new UnsupportedOperationException(
        "the " + name() + " poller has no Unix domain sockets");
  }

  /**
   * Opens a non-blocking unidirectional in-process pipe.
   *
   * @return the two ends, not registered yet
   * @throws IOException if the pipe cannot be created
   */
  PipeEnds pipe() throws IOException;

  /**
   * Starts the child process {@code spec} describes, with pipes for the streams it asks to pipe
   * (the parent's ends non-blocking, not registered yet) and a channel that reports its exit. The
   * child inherits no descriptor of the parent but its three standard streams.
   *
   * @param spec the command, directory, environment and redirects
   * @return the started child
   * @throws IOException if it cannot be started; for a program that does not exist (or cannot be
   *     run) the message starts as {@link ProcessBuilder}'s, {@code Cannot run program "nope": }
   *     (with {@code (in directory "...")} before the colon when the spec names a directory), and
   *     names the error, such as "No such file or directory"
   * @throws UnsupportedOperationException if this backend cannot start processes (the default),
   *     naming the backend
   */
  default SpawnedProcess spawn(asyncigo.api.process.ProcessSpec spec) throws IOException {
    throw new UnsupportedOperationException("the " + name() + " poller cannot start processes");
  }

  /**
   * Releases the poller's resources. Idempotent; channels it made stay open.
   *
   * @throws IOException if releasing them fails
   */
  @Override
  void close() throws IOException;
}

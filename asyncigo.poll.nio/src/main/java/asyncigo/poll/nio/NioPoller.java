package asyncigo.poll.nio;

import asyncigo.api.net.DatagramOptions;
import asyncigo.api.process.ProcessSpec;
import asyncigo.api.spi.PollAcceptor;
import asyncigo.api.spi.PollChannel;
import asyncigo.api.spi.PollDatagram;
import asyncigo.api.spi.PollStream;
import asyncigo.api.spi.Poller;
import asyncigo.api.spi.SpawnedProcess;
import java.io.Closeable;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A {@link Poller} on one {@link Selector}. Loop-confined, except {@link #wakeup()}.
 *
 * <p>Implementation overview.
 *
 * <ul>
 *   <li><b>Polling without garbage.</b> {@link #poll} uses {@code Selector.select(Consumer, long)}
 *       and {@code selectNow(Consumer)}, which hand each ready key to a consumer with its ready set
 *       replaced (not accumulated) and never touch the selected-key set. The consumer is one
 *       method reference made at construction; the caller's sink and the count of keys handed to
 *       it live in fields for the length of one poll. An NIO selector on Linux is epoll in level-
 *       triggered mode, so a key stays ready while its channel does.
 *   <li><b>Timeouts.</b> The SPI's negative (forever), 0 (at once) and positive (at least that
 *       long) map to {@code select(consumer)}, {@code selectNow(consumer)} and {@code
 *       select(consumer, ms)}. Beware: NIO's own timeout 0 means forever, so a positive timeout
 *       under one millisecond is rounded up to 1 ms, never down to 0. A selection that reports
 *       nothing without a wakeup, an interrupt or an expired deadline is spurious and is repeated
 *       with the remaining time.
 *   <li><b>Channels closed or unregistered during a poll.</b> The selector still hands a key to
 *       the consumer if the sink closed its channel earlier in the same selection (its events
 *       were collected before); {@link #dispatch} drops keys that are no longer valid. An
 *       unregistered key has an empty interest set and is never handed over.
 *   <li><b>Wakeup coalescing.</b> {@link #wakeupPending} is set by the first {@link #wakeup()}
 *       since the last poll, and only that call reaches {@link Selector#wakeup()} (a lock and a
 *       write to an eventfd or pipe); later calls read one volatile and return. The poll clears
 *       the flag when it returns, never before it selects: a flag cleared before selecting could
 *       swallow a wakeup that arrives after the selector consumed the previous one. Invariant:
 *       while the flag is set, the selector has been or is about to be woken. A wakeup that finds
 *       the flag set just before the poll clears it is not lost: the poll is returning, and the
 *       caller's work (queued before calling wakeup) is visible to the loop after it.
 * </ul>
 */
final class NioPoller implements Poller {
  private final Selector selector;
  private final AtomicBoolean wakeupPending = new AtomicBoolean();
  private final Consumer<SelectionKey> dispatch = this::dispatch;
  private volatile boolean closed;

  /** The sink of the poll in progress; null between polls. */
  private ReadySink sink;

  /** How many keys the poll in progress handed to its sink. */
  private int reported;

  /** Where datagrams land when the caller's buffer may be too small; made by the first need. */
  private ByteBuffer datagramScratch;

  NioPoller(Selector selector) {
    this.selector = selector;
  }

  @Override
  public String name() {
    return NioPollerProvider.NAME;
  }

  @Override
  public void register(PollChannel channel, int interest, Object attachment) throws IOException {
    Objects.requireNonNull(channel, "channel");
    checkInterest(interest);
    if (!(channel instanceof NioChannel nio) || !nio.entry().belongsTo(selector)) {
      throw new IllegalArgumentException("channel was not made by this poller: " + channel);
    }
    nio.entry().register(interest, attachment);
  }

  @Override
  public void interest(PollChannel channel, int interest) {
    checkInterest(interest);
    if (channel instanceof NioChannel nio && nio.entry().belongsTo(selector)) {
      nio.entry().interest(interest);
    }
  }

  @Override
  public void unregister(PollChannel channel) {
    if (channel instanceof NioChannel nio && nio.entry().belongsTo(selector)) {
      nio.entry().unregister();
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Must not be called from inside a sink. An exception thrown by the sink ends the poll and
   * propagates; the channels not yet handed over are reported again by the next poll. Interrupting
   * the polling thread ends the poll early, as a wakeup does; the interrupt status stays set.
   */
  @Override
  public int poll(long timeoutNanos, ReadySink sink) throws IOException {
    this.sink = Objects.requireNonNull(sink, "sink");
    reported = 0;
    try {
      if (timeoutNanos == 0) {
        selector.selectNow(dispatch);
      } else if (timeoutNanos < 0) {
        do {
          selector.select(dispatch);
        } while (reported == 0 && !woken());
      } else {
        long deadline = System.nanoTime() + timeoutNanos;
        long remaining = timeoutNanos;
        do {
          selector.select(dispatch, ceilMillis(remaining));
        } while (reported == 0 && !woken() && (remaining = deadline - System.nanoTime()) > 0);
      }
      return reported;
    } finally {
      this.sink = null;
      if (wakeupPending.get()) {
        wakeupPending.set(false);
      }
    }
  }

  /** The selector channels register with. */
  Selector selector() {
    return selector;
  }

  /**
   * Releases the descriptors of channels closed since the last selection: NIO defers a registered
   * channel's real close until its cancelled key leaves the selector, so without this a closed
   * listener would keep accepting connections until the next poll. Dropping this selection's
   * readiness loses nothing (readiness is level-triggered); a wakeup it swallowed is re-armed.
   * Skipped inside a poll, whose selection flushes the key anyway.
   */
  void releaseClosed() throws IOException {
    if (closed || sink != null) {
      return;
    }
    selector.selectNow(key -> {});
    if (wakeupPending.get()) {
      selector.wakeup();
    }
  }

  @Override
  public void wakeup() {
    if (!closed && !wakeupPending.get() && wakeupPending.compareAndSet(false, true)) {
      selector.wakeup();
    }
  }

  @Override
  public PollStream connect(InetSocketAddress remote) throws IOException {
    checkResolved(remote, "remote");
    SocketChannel channel = SocketChannel.open();
    try {
      channel.configureBlocking(false);
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      channel.connect(remote);
    } catch (IOException | RuntimeException e) {
      closeAfterFailure(channel, e);
      throw e;
    }
    return new NioSocketStream(channel, this);
  }

  /** {@inheritDoc} SO_REUSEADDR is on, so a restarted server can bind its port again at once. */
  @Override
  public PollAcceptor listen(InetSocketAddress local, int backlog) throws IOException {
    checkResolved(local, "local");
    ServerSocketChannel channel = ServerSocketChannel.open();
    try {
      channel.configureBlocking(false);
      channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
      channel.bind(local, backlog);
    } catch (IOException | RuntimeException e) {
      closeAfterFailure(channel, e);
      throw e;
    }
    return new NioAcceptor(channel, this, true);
  }

  /** {@inheritDoc} Through {@link StandardProtocolFamily#UNIX} socket channels. */
  @Override
  public PollStream connectUnix(UnixDomainSocketAddress remote) throws IOException {
    Objects.requireNonNull(remote, "remote");
    SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      channel.configureBlocking(false);
      channel.connect(remote);
    } catch (SocketException e) {
      closeAfterFailure(channel, e);
      throw connectFailed(e);
    } catch (IOException | RuntimeException e) {
      closeAfterFailure(channel, e);
      throw e;
    }
    return new NioSocketStream(channel, this);
  }

  /**
   * A connect that failed at once as a {@link ConnectException} whose message is the reason alone
   * (NIO throws a plain {@link SocketException} for a missing socket file).
   */
  private static ConnectException connectFailed(SocketException e) {
    if (e instanceof ConnectException refused) {
      return refused;
    }
    ConnectException failed = new ConnectException(e.getMessage());
    failed.initCause(e);
    return failed;
  }

  /** {@inheritDoc} Through {@link StandardProtocolFamily#UNIX} server socket channels. */
  @Override
  public PollAcceptor listenUnix(UnixDomainSocketAddress local, int backlog) throws IOException {
    Objects.requireNonNull(local, "local");
    ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      channel.configureBlocking(false);
      channel.bind(local, backlog);
    } catch (IOException | RuntimeException e) {
      closeAfterFailure(channel, e);
      throw e;
    }
    return new NioAcceptor(channel, this, false);
  }

  /** {@inheritDoc} The socket channel moves to this poller's selector; nothing is copied. */
  @Override
  public PollStream adopt(PollStream stream) throws IOException {
    Objects.requireNonNull(stream, "stream");
    if (!(stream instanceof NioSocketStream socket)) {
      throw new IllegalArgumentException(
          "only a socket made by a nio poller can be adopted, not " + stream);
    }
    return socket.adoptedBy(this);
  }

  /** {@inheritDoc} A {@link java.nio.channels.DatagramChannel} of {@code local}'s family. */
  @Override
  public PollDatagram openDatagram(InetSocketAddress local, DatagramOptions options)
      throws IOException {
    checkResolved(local, "local");
    Objects.requireNonNull(options, "options");
    return NioDatagram.open(this, local, options);
  }

  /** The size of {@link #datagramScratch()}: more than any UDP payload. */
  static final int DATAGRAM_SCRATCH = 64 * 1024;

  /** The datagram scratch buffer, shared by this poller's datagram sockets (loop-confined). */
  ByteBuffer datagramScratch() {
    if (datagramScratch == null) {
      datagramScratch = ByteBuffer.allocateDirect(DATAGRAM_SCRATCH);
    }
    return datagramScratch;
  }

  @Override
  public PipeEnds pipe() throws IOException {
    Pipe pipe = Pipe.open();
    try {
      pipe.source().configureBlocking(false);
      pipe.sink().configureBlocking(false);
    } catch (IOException | RuntimeException e) {
      closeAfterFailure(pipe.source(), e);
      closeAfterFailure(pipe.sink(), e);
      throw e;
    }
    return new PipeEnds(
        new NioPipeSource(pipe.source(), this), new NioPipeSink(pipe.sink(), this));
  }

  /**
   * Starts the child through {@link ProcessBuilder}, with a virtual thread per piped stream; see
   * {@link NioProcess}.
   */
  @Override
  public SpawnedProcess spawn(ProcessSpec spec) throws IOException {
    Objects.requireNonNull(spec, "spec");
    return NioProcess.start(this, spec);
  }

  /** Closes the selector; its keys are cancelled, the channels stay open. Idempotent. */
  @Override
  public void close() throws IOException {
    closed = true;
    selector.close();
  }

  @Override
  public String toString() {
    return "NioPoller[" + (closed ? "closed" : selector.keys().size() + " keys") + "]";
  }

  /** The selector's consumer: hands one ready key to the sink of the poll in progress. */
  private void dispatch(SelectionKey key) {
    if (!key.isValid()) {
      return;
    }
    int ops = key.readyOps();
    int ready =
        ((ops & SelectorEntry.READ_OPS) != 0 ? READ : 0)
            | ((ops & SelectorEntry.WRITE_OPS) != 0 ? WRITE : 0);
    reported++;
    sink.ready(key.attachment(), ready);
  }

  /** Whether the selection ended for a reason other than a ready channel or the timeout. */
  private boolean woken() {
    return wakeupPending.get() || Thread.currentThread().isInterrupted();
  }

  /** {@code nanos} (positive) in milliseconds, rounded up: never 0, which NIO reads as forever. */
  private static long ceilMillis(long nanos) {
    long millis = nanos / 1_000_000;
    return nanos % 1_000_000 == 0 ? millis : millis + 1;
  }

  private static void checkInterest(int interest) {
    if ((interest & ~(READ | WRITE)) != 0) {
      throw new IllegalArgumentException(
          "interest must combine Poller.READ (1) and Poller.WRITE (2), was " + interest);
    }
  }

  private static void checkResolved(InetSocketAddress address, String what) {
    Objects.requireNonNull(address, what);
    if (address.isUnresolved()) {
      throw new IllegalArgumentException(what + " address is unresolved: " + address);
    }
  }

  private static void closeAfterFailure(Closeable channel, Exception failure) {
    try {
      channel.close();
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }
}

package asyncigo.poll.epoll;

import static asyncigo.poll.epoll.LinuxConstants.EPOLLERR;
import static asyncigo.poll.epoll.LinuxConstants.EPOLLHUP;
import static asyncigo.poll.epoll.LinuxConstants.EPOLLIN;
import static asyncigo.poll.epoll.LinuxConstants.EPOLLOUT;
import static asyncigo.poll.epoll.LinuxConstants.EPOLL_CLOEXEC;
import static asyncigo.poll.epoll.LinuxConstants.EPOLL_CTL_ADD;
import static asyncigo.poll.epoll.LinuxConstants.EPOLL_CTL_DEL;
import static asyncigo.poll.epoll.LinuxConstants.EPOLL_CTL_MOD;

import asyncigo.api.net.DatagramOptions;
import asyncigo.api.process.ProcessSpec;
import asyncigo.api.spi.PollAcceptor;
import asyncigo.api.spi.PollChannel;
import asyncigo.api.spi.PollDatagram;
import asyncigo.api.spi.PollStream;
import asyncigo.api.spi.Poller;
import asyncigo.api.spi.SpawnedProcess;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.Objects;

/**
 * The epoll {@link Poller}. Loop-confined, except {@link #wakeup()}, which is thread-safe.
 */
final class EpollPoller implements Poller {
  /*
   * Implementation overview.
   *
   * Trigger mode: level-triggered, deliberately. The SPI promises level-triggered readiness, and
   * level-triggered epoll is exactly that, with no state kept on our side: a channel still ready
   * is reported again by the kernel. Edge-triggered epoll would save an epoll_ctl when WRITE
   * interest is toggled, but the poller would then have to remember readiness per channel and
   * learn from every read and write whether it reached EAGAIN, to re-report until then; an
   * echo-style loop keeps READ interest for the connection's life and rarely asks for WRITE, so
   * level-triggered costs no extra system calls on the hot path.
   *
   * Kernel state: a registered channel is in the epoll set exactly while its interest set is
   * nonzero (epoll always reports EPOLLERR/EPOLLHUP, even for an empty event mask, so an empty
   * interest set must leave the set, or a hung-up channel would make every poll return at once).
   * Interest changes compare against the cached interest and make no system call when nothing
   * changes; otherwise one epoll_ctl (ADD, MOD or DEL).
   *
   * Event data: the 64-bit data word is (registrationId << 32 | fd). The ChannelTable maps fd to
   * channel; an event whose registrationId does not match the channel now under that fd is stale
   * (the channel was closed or unregistered earlier in the same batch, and its descriptor maybe
   * reused) and is dropped. Readiness is masked with the interest set at delivery time, so a
   * channel whose interest shrank earlier in the batch is not told about what it no longer wants.
   * Errors and hang-ups report the whole interest set.
   *
   * Wake-ups: an eventfd (EventfdWakeup, which explains its coalescing) sits in the epoll set
   * under registrationId 0; poll drains it when it fires.
   *
   * Memory: the epoll_wait event buffer is one direct buffer, reused, doubled (up to
   * MAX_EVENTS) when a poll fills it; all other pointer arguments point into Syscalls' scratch
   * memory. Nothing on the poll, read, write or interest path allocates.
   */

  private static final int INITIAL_EVENTS = 256;
  private static final int MAX_EVENTS = 4096;
  private static final int WAKEUP_ID = 0;

  final Syscalls sys;
  private final EpollEventLayout layout;
  private final int epfd;
  private final EventfdWakeup wakeup;
  private final ChannelTable registered = new ChannelTable();

  private DirectMemory events;
  private DirectMemory datagramScratch;
  private int eventCapacity;
  private int lastRegistrationId;
  private boolean closed;

  private EpollPoller(Syscalls sys, EpollEventLayout layout, int epfd, EventfdWakeup wakeup) {
    this.sys = sys;
    this.layout = layout;
    this.epfd = epfd;
    this.wakeup = wakeup;
    allocateEvents(INITIAL_EVENTS);
  }

  /** Opens an epoll set with its wake-up eventfd; closes what it opened if a step fails. */
  static EpollPoller open(Syscalls sys, EpollEventLayout layout) throws IOException {
    int epfd = sys.libc.epoll_create1(EPOLL_CLOEXEC);
    if (epfd < 0) {
      throw ErrnoExceptions.callFailed("epoll_create1", sys.errno());
    }
    EventfdWakeup wakeup;
    try {
      wakeup = EventfdWakeup.open(sys);
    } catch (IOException e) {
      sys.libc.close(epfd);
      throw e;
    }
    long event = sys.epollEvent(layout, EPOLLIN, data(WAKEUP_ID, wakeup.fd));
    if (sys.libc.epoll_ctl(epfd, EPOLL_CTL_ADD, wakeup.fd, event) < 0) {
      IOException failure = ErrnoExceptions.callFailed("epoll_ctl", sys.errno());
      wakeup.close();
      sys.libc.close(epfd);
      throw failure;
    }
    return new EpollPoller(sys, layout, epfd, wakeup);
  }

  @Override
  public String name() {
    return EpollPollerProvider.NAME;
  }

  // ---------------------------------------------------------------- registration

  @Override
  public void register(PollChannel channel, int interest, Object attachment) throws IOException {
    EpollChannel c = own(channel);
    checkInterest(interest);
    ensureOpen();
    if (!c.isOpen()) {
      throw new ClosedChannelException();
    }
    if (c.registrationId != 0) {
      throw new IllegalArgumentException("channel is already registered: " + channel);
    }
    int id = nextRegistrationId();
    if (interest != 0) {
      control(EPOLL_CTL_ADD, c.fd, interest, id);
    }
    c.registrationId = id;
    c.interest = interest;
    c.attachment = attachment;
    registered.put(c.fd, c);
  }

  @Override
  public void interest(PollChannel channel, int interest) throws IOException {
    checkInterest(interest);
    if (!(channel instanceof EpollChannel c) || c.poller != this || c.registrationId == 0) {
      return;
    }
    int old = c.interest;
    if (old == interest) {
      return;
    }
    int op = old == 0 ? EPOLL_CTL_ADD : interest == 0 ? EPOLL_CTL_DEL : EPOLL_CTL_MOD;
    control(op, c.fd, interest, c.registrationId);
    c.interest = interest;
  }

  @Override
  public void unregister(PollChannel channel) {
    if (channel instanceof EpollChannel c && c.poller == this) {
      forget(c);
    }
  }

  /** Takes {@code c} out of the epoll set and the table, if registered. Never throws. */
  void forget(EpollChannel c) {
    if (c.registrationId == 0) {
      return;
    }
    if (c.interest != 0 && !closed) {
      sys.libc.epoll_ctl(epfd, EPOLL_CTL_DEL, c.fd, 0); // cannot fail for a registered open fd
    }
    registered.remove(c.fd);
    c.registrationId = 0;
    c.interest = 0;
    c.attachment = null;
  }

  private void control(int op, int fd, int interest, int id) throws IOException {
    long event = sys.epollEvent(layout, epollEvents(interest), data(id, fd));
    if (sys.libc.epoll_ctl(epfd, op, fd, event) < 0) {
      throw ErrnoExceptions.callFailed("epoll_ctl", sys.errno());
    }
  }

  private EpollChannel own(PollChannel channel) {
    Objects.requireNonNull(channel, "channel");
    if (channel instanceof EpollChannel c && c.poller == this) {
      return c;
    }
    throw new IllegalArgumentException("channel was not made by this epoll poller: " + channel);
  }

  private static void checkInterest(int interest) {
    if ((interest & ~(READ | WRITE)) != 0) {
      throw new IllegalArgumentException(
          "interest must combine READ (1) and WRITE (2), got " + interest);
    }
  }

  private int nextRegistrationId() {
    int id = ++lastRegistrationId;
    if (id == WAKEUP_ID) {
      id = ++lastRegistrationId;
    }
    return id;
  }

  private static int epollEvents(int interest) {
    return ((interest & READ) != 0 ? EPOLLIN : 0) | ((interest & WRITE) != 0 ? EPOLLOUT : 0);
  }

  private static long data(int registrationId, int fd) {
    return ((long) registrationId << 32) | (fd & 0xFFFF_FFFFL);
  }

  // ---------------------------------------------------------------- polling

  @Override
  public int poll(long timeoutNanos, ReadySink sink) throws IOException {
    Objects.requireNonNull(sink, "sink");
    ensureOpen();
    int n = waitForEvents(timeoutNanos);
    ByteBuffer buffer = events.buffer;
    int size = layout.size();
    int dataOffset = layout.dataOffset();
    int delivered = 0;
    for (int i = 0, offset = 0; i < n && !closed; i++, offset += size) {
      int ready = buffer.getInt(offset);
      long data = buffer.getLong(offset + dataOffset);
      int id = (int) (data >>> 32);
      if (id == WAKEUP_ID) {
        wakeup.drain();
        continue;
      }
      EpollChannel c = registered.get((int) data);
      if (c == null || c.registrationId != id) {
        continue; // stale: see the overview
      }
      int interest = c.interest;
      int ops = (ready & (EPOLLERR | EPOLLHUP)) != 0
          ? interest
          : (((ready & EPOLLIN) != 0 ? READ : 0) | ((ready & EPOLLOUT) != 0 ? WRITE : 0)) & interest;
      if (ops != 0) {
        sink.ready(c.attachment, ops);
        delivered++;
      }
    }
    if (n == eventCapacity && eventCapacity < MAX_EVENTS) {
      allocateEvents(eventCapacity * 2);
    }
    return delivered;
  }

  /** Calls epoll_wait until events arrive or the timeout passes; retries on EINTR. */
  private int waitForEvents(long timeoutNanos) throws IOException {
    long deadline = timeoutNanos > 0 ? System.nanoTime() + timeoutNanos : 0;
    while (true) {
      int millis = timeoutNanos < 0 ? -1
          : timeoutNanos == 0 ? 0
          : millisUntil(deadline);
      int n = sys.libc.epoll_wait(epfd, events.address, eventCapacity, millis);
      if (n > 0) {
        return n;
      }
      if (n < 0) {
        int errno = sys.errno();
        if (errno != ErrnoExceptions.EINTR) {
          throw ErrnoExceptions.callFailed("epoll_wait", errno);
        }
      }
      if (timeoutNanos == 0 || (timeoutNanos > 0 && deadline - System.nanoTime() <= 0)) {
        return 0;
      }
    }
  }

  /** Whole milliseconds until {@code deadline}, rounded up, at most Integer.MAX_VALUE. */
  private static int millisUntil(long deadline) {
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      return 0;
    }
    long millis = (remaining + 999_999) / 1_000_000;
    return (int) Math.min(millis, Integer.MAX_VALUE);
  }

  private void allocateEvents(int capacity) {
    events = DirectMemory.allocate(capacity * layout.size());
    eventCapacity = capacity;
  }

  // ---------------------------------------------------------------- wake-ups

  @Override
  public void wakeup() {
    wakeup.signal();
  }

  // ---------------------------------------------------------------- channels

  @Override
  public PollStream connect(InetSocketAddress remote) throws IOException {
    Objects.requireNonNull(remote, "remote");
    ensureOpen();
    return EpollStream.connect(this, remote);
  }

  @Override
  public PollAcceptor listen(InetSocketAddress local, int backlog) throws IOException {
    return listen(local, backlog, false);
  }

  @Override
  public PollAcceptor listen(InetSocketAddress local, int backlog, boolean sharePort)
      throws IOException {
    Objects.requireNonNull(local, "local");
    if (backlog < 1) {
      throw new IllegalArgumentException("backlog must be positive, got " + backlog);
    }
    ensureOpen();
    return EpollAcceptor.listen(this, local, backlog, sharePort);
  }

  @Override
  public PollStream connectUnix(UnixDomainSocketAddress remote) throws IOException {
    Objects.requireNonNull(remote, "remote");
    ensureOpen();
    return EpollStream.connectUnix(this, remote);
  }

  @Override
  public PollAcceptor listenUnix(UnixDomainSocketAddress local, int backlog) throws IOException {
    Objects.requireNonNull(local, "local");
    if (backlog < 1) {
      throw new IllegalArgumentException("backlog must be positive, got " + backlog);
    }
    ensureOpen();
    return EpollAcceptor.listenUnix(this, local, backlog);
  }

  /** True: Linux spreads a shared port's connections over its sockets (SO_REUSEPORT). */
  @Override
  public boolean balancesSharedPorts() {
    return true;
  }

  /** {@inheritDoc} The descriptor moves to a new stream of this poller; the old one is closed. */
  @Override
  public PollStream adopt(PollStream stream) throws IOException {
    Objects.requireNonNull(stream, "stream");
    ensureOpen();
    if (!(stream instanceof EpollStream socket)) {
      throw new IllegalArgumentException(
          "only a socket made by an epoll poller can be adopted, not " + stream);
    }
    return socket.adoptedBy(this);
  }

  /**
   * Starts the child with {@code posix_spawnp} and watches it through a pidfd, with no thread;
   * see {@link EpollProcess}.
   */
  @Override
  public SpawnedProcess spawn(ProcessSpec spec) throws IOException {
    Objects.requireNonNull(spec, "spec");
    ensureOpen();
    return EpollProcess.start(this, spec);
  }

  @Override
  public PollDatagram openDatagram(InetSocketAddress local, DatagramOptions options)
      throws IOException {
    Objects.requireNonNull(local, "local");
    Objects.requireNonNull(options, "options");
    ensureOpen();
    return EpollDatagram.open(this, local, options);
  }

  /**
   * Where datagrams land when the caller's buffer may be too small, and where heap payloads are
   * copied to be sent: shared by this poller's datagram sockets, made by the first need.
   */
  DirectMemory datagramScratch() {
    if (datagramScratch == null) {
      datagramScratch = DirectMemory.allocate(EpollDatagram.SCRATCH_BYTES);
    }
    return datagramScratch;
  }

  @Override
  public PipeEnds pipe() throws IOException {
    ensureOpen();
    int[] fds = sys.pipe();
    return new PipeEnds(
        EpollStream.pipeEnd(this, fds[0], EpollStream.Kind.PIPE_SOURCE),
        EpollStream.pipeEnd(this, fds[1], EpollStream.Kind.PIPE_SINK));
  }

  // ---------------------------------------------------------------- lifecycle

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("epoll poller is closed");
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    wakeup.close();
    sys.libc.close(epfd);
    registered.drain(c -> {
      c.registrationId = 0;
      c.interest = 0;
      c.attachment = null;
    });
  }
}

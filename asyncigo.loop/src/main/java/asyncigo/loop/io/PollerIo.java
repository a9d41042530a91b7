package asyncigo.loop.io;

import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.Promise;
import asyncigo.api.net.StreamClosedException;
import asyncigo.api.spi.PollChannel;
import asyncigo.api.spi.Poller;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The loop's {@link IoReadiness}: one {@link Watch} per open channel, registered with the poller
 * as its attachment, holding at most one pending future per operation.
 *
 * <p>Interest is added when a task asks for readiness and withdrawn lazily: only when the poller
 * reports an operation nobody waits for (the waiter was served, or its future was cancelled). A
 * stream that reads, replies and waits again therefore keeps its interest and costs no {@code
 * epoll_ctl}/{@code interestOps} call per message. The poller calls {@link #sink} inside {@code
 * poll}, on the strand holding the loop. Loop-confined.
 */
public final class PollerIo implements IoReadiness {
  private final Poller poller;
  private final Loop loop;
  private final Map<PollChannel, Watch> watches = new IdentityHashMap<>();
  private int interested;

  /** The sink the scheduler passes to {@link Poller#poll}. */
  public final Poller.ReadySink sink = this::onReady;

  public PollerIo(Poller poller, Loop loop) {
    this.poller = poller;
    this.loop = loop;
  }

  private static final class Watch {
    final PollChannel channel;
    int interest;
    Promise<Void> read;
    Promise<Void> write;

    Watch(PollChannel channel) {
      this.channel = channel;
    }
  }

  /** Whether any channel is registered (polling can find something). */
  public boolean hasWatches() {
    return !watches.isEmpty();
  }

  /** Whether any channel has a non-empty interest set (a task may be waiting for I/O). */
  public boolean hasInterest() {
    return interested > 0;
  }

  @Override
  public void open(PollChannel channel) throws IOException {
    if (watches.containsKey(channel)) {
      throw new IllegalStateException("channel is already open on this loop: " + channel);
    }
    Watch w = new Watch(channel);
    poller.register(channel, 0, w);
    watches.put(channel, w);
  }

  @Override
  public Promise<Void> ready(PollChannel channel, int op) {
    if (op != Poller.READ && op != Poller.WRITE) {
      throw new IllegalArgumentException("op must be Poller.READ or Poller.WRITE, not " + op);
    }
    Watch w = watches.get(channel);
    if (w == null) {
      Promise<Void> closed = loop.newFuture();
      closed.fail(new StreamClosedException("channel is closed or was never opened on this loop"));
      return closed;
    }
    Promise<Void> f = op == Poller.READ ? w.read : w.write;
    if (f != null && !f.isDone()) {
      return f;
    }
    f = loop.newFuture();
    if (op == Poller.READ) {
      w.read = f;
    } else {
      w.write = f;
    }
    setInterest(w, w.interest | op);
    return f;
  }

  private void onReady(Object attachment, int readyOps) {
    Watch w = (Watch) attachment;
    int unwanted = 0;
    if ((readyOps & Poller.READ) != 0) {
      Promise<Void> f = w.read;
      w.read = null;
      if (f == null || !f.complete(null)) {
        unwanted |= Poller.READ;
      }
    }
    if ((readyOps & Poller.WRITE) != 0) {
      Promise<Void> f = w.write;
      w.write = null;
      if (f == null || !f.complete(null)) {
        unwanted |= Poller.WRITE;
      }
    }
    if ((w.interest & unwanted) != 0) {
      setInterest(w, w.interest & ~unwanted);
    }
  }

  private void setInterest(Watch w, int interest) {
    if (interest == w.interest) {
      return;
    }
    if (w.interest == 0) {
      interested++;
    } else if (interest == 0) {
      interested--;
    }
    w.interest = interest;
    try {
      poller.interest(w.channel, interest);
    } catch (IOException e) {
      failWaiters(w, e);
    }
  }

  @Override
  public void close(PollChannel channel, String reason) {
    Watch w = watches.remove(channel);
    if (w != null) {
      if (w.interest != 0) {
        interested--;
      }
      poller.unregister(channel);
    }
    try {
      channel.close();
    } catch (IOException ignored) {
      // Closing is best effort; the descriptor is released either way.
    }
    if (w != null) {
      failWaiters(w, new StreamClosedException(reason));
    }
  }

  private static void failWaiters(Watch w, IOException cause) {
    Promise<Void> r = w.read;
    Promise<Void> wr = w.write;
    w.read = null;
    w.write = null;
    if (r != null) {
      r.fail(cause);
    }
    if (wr != null) {
      wr.fail(cause);
    }
  }
}

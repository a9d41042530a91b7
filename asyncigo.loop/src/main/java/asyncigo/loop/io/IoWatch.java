package asyncigo.loop.io;

import asyncigo.api.Future;
import asyncigo.api.Promise;
import asyncigo.api.UncheckedExecutionException;
import asyncigo.api.net.StreamClosedException;
import asyncigo.api.spi.PollChannel;
import asyncigo.api.spi.PollKey;
import asyncigo.api.spi.Poller;
import asyncigo.loop.core.ReadinessFuture;
import java.io.IOException;

/**
 * One open channel of the loop and its {@link PollKey}: the owner of the channel waits through it
 * for readiness and closes the channel through it. Loop-confined.
 *
 * <p>Implementation overview. Per direction ({@link Poller#READ}, {@link Poller#WRITE}) there are
 * two waiter slots: {@code parked}, one future made once and {@link ReadinessFuture#reset reset}
 * for every {@link #await} (a task parks on it, nothing is allocated per wait), and {@code
 * handed}, a fresh future per {@link #ready} for callers that keep the future (callbacks, races).
 * The key's interest set is always the directions with a pending waiter: every future runs {@link
 * #settled} whenever it settles (readiness, close, or the waiter's cancellation), which withdraws
 * the interest at once. The key queues interest changes and the poller applies them at its next
 * poll, so a task that is served and waits again before that poll costs no system call.
 *
 * @param <C> the channel's type
 */
public final class IoWatch<C extends PollChannel> {
  private static final String NOT_OPEN = "channel is closed or was never opened on this loop";

  private final PollerIo io;
  private final C channel;
  private final Runnable settled = this::settled;
  private final ReadinessFuture[] parked = new ReadinessFuture[2];
  private final boolean[] parking = new boolean[2];
  private final ReadinessFuture[] handed = new ReadinessFuture[2];
  /** Null until registered and once closed. */
  private PollKey key;
  private int interest;
  private String closedReason = NOT_OPEN;

  IoWatch(PollerIo io, C channel) {
    this.io = io;
    this.channel = channel;
  }

  void registered(PollKey key) {
    this.key = key;
  }

  /** {@return the channel} */
  public C channel() {
    return channel;
  }

  /**
   * Suspends the calling task until the channel is ready for {@code op} ({@link Poller#READ} or
   * {@link Poller#WRITE}). Allocates nothing when one task at a time waits per direction (a
   * second one gets a future of its own).
   *
   * @param op the operation
   * @throws StreamClosedException if the channel is closed through {@link #close}, before or
   *     while waiting (an {@link IOException})
   * @throws asyncigo.api.CancelledException if the task is cancelled while waiting; the interest
   *     is withdrawn
   */
  public void await(int op) throws IOException {
    int i = slot(op);
    if (key == null) {
      throw new StreamClosedException(closedReason);
    }
    if (parking[i]) {
      awaitIo(ready(op));
      return;
    }
    ReadinessFuture f = parked[i];
    if (f == null) {
      f = parked[i] = ReadinessFuture.create(io.loop(), settled);
    } else {
      f.reset();
    }
    parking[i] = true;
    try {
      updateInterest();
      awaitIo(f);
    } finally {
      parking[i] = false;
    }
  }

  /**
   * A future completed when the channel is ready for {@code op} ({@link Poller#READ} or {@link
   * Poller#WRITE}). One such future per direction: asking again while it is pending returns it.
   * Cancelling it withdraws the interest. If the channel is closed through {@link #close}, the
   * future fails with {@link StreamClosedException}.
   *
   * @param op the operation
   * @return the future
   */
  public Promise<Void> ready(int op) {
    int i = slot(op);
    ReadinessFuture f = handed[i];
    if (f != null && !f.isDone()) {
      return f;
    }
    f = ReadinessFuture.create(io.loop(), settled);
    if (key == null) {
      f.fail(new StreamClosedException(closedReason));
      return f;
    }
    handed[i] = f;
    updateInterest();
    return f;
  }

  /**
   * Cancels the key and closes the channel; pending waiters fail with {@link
   * StreamClosedException} carrying {@code reason}. Idempotent.
   *
   * @param reason why, for the waiters
   */
  public void close(String reason) {
    PollKey k = key;
    if (k != null) {
      key = null;
      closedReason = reason;
      io.interestChanged(interest, 0);
      interest = 0;
      k.cancel();
      io.closed();
    }
    try {
      channel.close();
    } catch (IOException ignored) {
      // Closing is best effort; the descriptor is released either way.
    }
    if (k != null) {
      StreamClosedException cause = new StreamClosedException(reason);
      for (int i = 0; i < 2; i++) {
        fail(parked[i], cause);
        fail(handed[i], cause);
      }
    }
  }

  /** The poller found the channel ready for {@code readyOps}. */
  void onReady(int readyOps) {
    for (int i = 0; i < 2; i++) {
      if ((readyOps & (i + 1)) != 0) {
        complete(parked[i]);
        complete(handed[i]);
      }
    }
  }

  private void settled() {
    if (key != null) {
      updateInterest();
    }
  }

  private void updateInterest() {
    int wanted = (pending(0) ? Poller.READ : 0) | (pending(1) ? Poller.WRITE : 0);
    if (wanted != interest) {
      io.interestChanged(interest, wanted);
      interest = wanted;
      key.interest(wanted);
    }
  }

  private boolean pending(int i) {
    ReadinessFuture p = parked[i];
    ReadinessFuture h = handed[i];
    return (p != null && !p.isDone()) || (h != null && !h.isDone());
  }

  private static int slot(int op) {
    if (op != Poller.READ && op != Poller.WRITE) {
      throw new IllegalArgumentException("op must be Poller.READ or Poller.WRITE, not " + op);
    }
    return op - 1;
  }

  private static void complete(ReadinessFuture f) {
    if (f != null && !f.isDone()) {
      f.complete(null);
    }
  }

  private static void fail(ReadinessFuture f, IOException cause) {
    if (f != null && !f.isDone()) {
      f.fail(cause);
    }
  }

  /** Awaits {@code f}; an {@link IOException} it failed with is thrown unwrapped. */
  private static void awaitIo(Future<Void> f) throws IOException {
    try {
      f.await();
    } catch (UncheckedExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw e;
    }
  }

  @Override
  public String toString() {
    return "IoWatch[" + channel + ", interest " + interest + (key == null ? ", closed]" : "]");
  }
}

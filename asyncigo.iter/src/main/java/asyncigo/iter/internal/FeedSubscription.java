package asyncigo.iter.internal;

import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.Promise;
import asyncigo.api.Task;
import asyncigo.api.UncheckedExecutionException;
import asyncigo.api.iter.AsyncIterator;
import java.util.concurrent.Flow;

/**
 * One subscription of an {@link IterablePublisher}: a feed task on the loop pulls an element from
 * the source only when the subscriber has demand, and signals it on the loop thread.
 *
 * <p>Implementation overview. {@link #start()} runs on the loop: it signals {@code onSubscribe},
 * then spawns the feed task. {@link #request} and {@link #cancel} may come from any thread: they
 * act at once on the loop thread (for instance from inside {@code onNext}, without recursion,
 * since the feed loop is iterative), and are handed to the loop with {@link
 * Loop#callSoonThreadsafe} from other threads. Demand is a saturating counter ({@code
 * Long.MAX_VALUE} means unbounded, rule 3.17); the feed task waits on {@code moreDemand} while it
 * is zero. Cancelling cancels the feed task, which closes the source iterator wherever it waits,
 * and suppresses every later signal (rule 1.8); {@code request(n <= 0)} cancels and signals
 * {@link IllegalArgumentException} (rule 3.9). The source iterator is closed before the terminal
 * signal. A subscriber callback that throws (rule 2.13) cancels the subscription and fails the
 * feed task, so the loop reports it.
 */
final class FeedSubscription<T> implements Flow.Subscription {
  private final Iterable<? extends T> source;
  private final Loop loop;
  private final Flow.Subscriber<? super T> subscriber;
  private Task<Void> feeder;
  private long demand;
  private boolean done; // cancelled, or a terminal signal sent
  private Promise<Void> moreDemand;

  FeedSubscription(Iterable<? extends T> source, Loop loop, Flow.Subscriber<? super T> subscriber) {
    this.source = source;
    this.loop = loop;
    this.subscriber = subscriber;
  }

  /** On the loop: signals onSubscribe, then starts feeding. */
  void start() {
    try {
      subscriber.onSubscribe(this);
    } catch (Throwable t) {
      done = true;
      throw t;
    }
    if (!done) {
      feeder = loop.spawn("publisher-feed", this::feed);
    }
  }

  @Override
  public void request(long n) {
    onLoop(() -> addDemand(n));
  }

  @Override
  public void cancel() {
    onLoop(this::stop);
  }

  private void onLoop(Runnable action) {
    if (loop.inLoop()) {
      action.run();
    } else {
      try {
        loop.callSoonThreadsafe(action);
      } catch (IllegalStateException closed) {
        // The loop is closed: its feed task is gone, nothing more can be signalled.
      }
    }
  }

  private void addDemand(long n) {
    if (done) {
      return;
    }
    if (n <= 0) {
      stop();
      subscriber.onError(
          new IllegalArgumentException(
              "request(n) needs n > 0 (Reactive Streams rule 3.9), got " + n));
      return;
    }
    demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
    if (moreDemand != null) {
      moreDemand.complete(null);
    }
  }

  private void stop() {
    done = true;
    if (feeder != null) {
      feeder.cancel();
    }
  }

  private Void feed() {
    try {
      pump();
    } catch (SubscriberFailure e) {
      throw UncheckedExecutionException.rethrow(e.getCause());
    }
    return null;
  }

  private void pump() {
    Throwable failure = null;
    try (AsyncIterator<T> it = Sources.iterator(source)) {
      while (awaitDemand() && it.hasNext()) {
        T element = it.next();
        if (element == null) {
          throw new NullPointerException(
              "the source yielded null, which a Flow.Publisher cannot emit");
        }
        if (demand != Long.MAX_VALUE) {
          demand--;
        }
        signal(() -> subscriber.onNext(element));
      }
    } catch (SubscriberFailure e) {
      throw e;
    } catch (Throwable t) {
      failure = t;
    }
    if (!done) {
      done = true;
      Throwable terminal = failure;
      signal(
          () -> {
            if (terminal == null) {
              subscriber.onComplete();
            } else {
              subscriber.onError(terminal);
            }
          });
    }
  }

  /** Waits until there is demand; false once the subscription is done. */
  private boolean awaitDemand() {
    while (demand == 0 && !done) {
      moreDemand = loop.newFuture();
      moreDemand.await();
    }
    return !done;
  }

  /** Runs a subscriber callback; one that throws cancels the subscription (rule 2.13). */
  private void signal(Runnable callback) {
    try {
      callback.run();
    } catch (Throwable t) {
      done = true;
      throw new SubscriberFailure(t);
    }
  }

  /** Carries a subscriber callback's exception past the feed loop's own failure handling. */
  private static final class SubscriberFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SubscriberFailure(Throwable cause) {
      super(cause);
    }
  }
}

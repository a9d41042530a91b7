package asyncigo.iter.internal;

import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.Promise;
import asyncigo.api.UncheckedExecutionException;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.Flow;

/**
 * Pull-style iteration of a {@link Flow.Publisher}, with backpressure.
 *
 * <p>Implementation overview. The first {@code hasNext()} subscribes. Every subscriber signal,
 * whatever thread it comes from, is handed to the loop with {@link Loop#callSoonThreadsafe} and
 * applied there in order (Reactive Streams signals are serial, so their hand-offs are too): items
 * go to {@code buffer}, and the consumer, if it waits, is woken through {@code wakeup}. Demand:
 * {@code prefetch} items are requested on subscription; each time the consumer has taken half of
 * that (at least one), that many more are requested, always from the loop thread, so the
 * publisher never has more than {@code prefetch} items outstanding; nothing is requested once the
 * publisher has completed. A publisher that sends more than requested (rule 1.1) fails the
 * iteration. Closing cancels the subscription, at once or when it arrives, unless the publisher
 * has already ended it.
 */
final class PublisherIterator<T> extends PullIterator<T> {
  private final Flow.Publisher<? extends T> publisher;
  private final int prefetch;
  private final int batch;
  private final ArrayDeque<T> buffer = new ArrayDeque<>();
  private IterationScope scope;
  private Flow.Subscription subscription;
  private long outstanding;
  private int taken;
  private boolean completed;
  private Throwable failure;
  private Promise<Void> wakeup;

  PublisherIterator(Flow.Publisher<? extends T> publisher, int prefetch) {
    this.publisher = publisher;
    this.prefetch = prefetch;
    this.batch = Math.max(1, prefetch / 2);
  }

  @Override
  protected T computeNext() {
    if (scope == null) {
      scope = new IterationScope("a Flow.Publisher", this);
      publisher.subscribe(new Subscriber(scope.loop()));
    }
    while (buffer.isEmpty()) {
      if (failure != null) {
        throw UncheckedExecutionException.rethrow(failure);
      }
      if (completed || isReleased()) {
        return endOfData();
      }
      wakeup = scope.loop().newFuture();
      wakeup.await();
    }
    T item = buffer.poll();
    if (++taken == batch && !completed) {
      taken = 0;
      outstanding += batch;
      subscription.request(batch);
    }
    return item;
  }

  @Override
  protected void release() {
    buffer.clear();
    if (subscription != null && !completed) {
      subscription.cancel(); // after onComplete or onError the subscription is over (rule 2.4)
    }
    if (scope != null) {
      scope.stop();
    }
  }

  private void subscribed(Flow.Subscription s) {
    if (subscription != null || isReleased()) {
      s.cancel(); // a second subscription (rule 2.5), or closed before it arrived
      return;
    }
    subscription = s;
    outstanding = prefetch;
    s.request(prefetch);
  }

  private void received(T item) {
    if (isReleased() || failure != null) {
      return;
    }
    if (outstanding-- == 0) {
      failure =
          new IllegalStateException(
              "the publisher sent more items than requested (Reactive Streams rule 1.1)");
      subscription.cancel();
      completed = true; // the subscription is over
    } else {
      buffer.add(item);
    }
    wake();
  }

  private void ended(Throwable error) {
    if (error != null && failure == null) {
      failure = error;
    }
    completed = true;
    wake();
  }

  private void wake() {
    if (wakeup != null) {
      wakeup.complete(null);
    }
  }

  /** Receives the signals on any thread and hands each to the loop. */
  private final class Subscriber implements Flow.Subscriber<T> {
    private final Loop loop;

    Subscriber(Loop loop) {
      this.loop = loop;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      Objects.requireNonNull(s, "subscription");
      handOff(() -> subscribed(s), s);
    }

    @Override
    public void onNext(T item) {
      Objects.requireNonNull(item, "item");
      handOff(() -> received(item), null);
    }

    @Override
    public void onError(Throwable error) {
      Objects.requireNonNull(error, "error");
      handOff(() -> ended(error), null);
    }

    @Override
    public void onComplete() {
      handOff(() -> ended(null), null);
    }

    /** Hands a signal to the loop; if the loop is closed, nobody can consume any more. */
    private void handOff(Runnable signal, Flow.Subscription toCancel) {
      try {
        loop.callSoonThreadsafe(signal);
      } catch (IllegalStateException closed) {
        if (toCancel != null) {
          toCancel.cancel();
        }
      }
    }
  }
}

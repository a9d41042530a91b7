package asyncigo.iter.internal;

import asyncigo.api.Loop;
import java.util.Objects;
import java.util.concurrent.Flow;

/**
 * {@code toPublisher}: an iterable as a {@link Flow.Publisher} whose subscriptions each iterate it
 * anew in a task of one loop ({@link FeedSubscription}). {@link #subscribe} may be called from
 * any thread.
 */
public final class IterablePublisher<T> implements Flow.Publisher<T> {
  private final Iterable<? extends T> source;
  private final Loop loop;

  public IterablePublisher(Iterable<? extends T> source, Loop loop) {
    this.source = source;
    this.loop = loop;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super T> subscriber) {
    Objects.requireNonNull(subscriber, "subscriber");
    FeedSubscription<T> subscription = new FeedSubscription<>(source, loop, subscriber);
    try {
      loop.callSoonThreadsafe(subscription::start);
    } catch (IllegalStateException closed) {
      subscriber.onSubscribe(
          new Flow.Subscription() {
            @Override
            public void request(long n) {}

            @Override
            public void cancel() {}
          });
      subscriber.onError(closed);
    }
  }
}

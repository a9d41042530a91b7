package asyncigo.iter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;

/**
 * Test publisher of {@code 0, 1, ..., n - 1} that honours demand exactly and records it. Each
 * subscription emits through {@code executor}, which serializes its signals: {@code Runnable::run}
 * emits inside {@code request} on the caller's thread; a single-thread executor emits on a
 * foreign thread. Optionally fails after the items, or cheats by sending more than requested.
 */
final class RangePublisher implements Flow.Publisher<Integer> {
  private final int n;
  private final Executor executor;
  private RuntimeException failure;
  private int extra;

  /** Every request(n) argument and "cancel", in order, across subscriptions. */
  final List<String> requests = Collections.synchronizedList(new ArrayList<>());

  volatile int subscriptions;
  volatile int emitted;

  RangePublisher(int n, Executor executor) {
    this.n = n;
    this.executor = executor;
  }

  RangePublisher failWith(RuntimeException failure) {
    this.failure = failure;
    return this;
  }

  /** Sends {@code extra} unrequested items with the first batch (breaks rule 1.1). */
  RangePublisher cheat(int extra) {
    this.extra = extra;
    return this;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super Integer> subscriber) {
    subscriptions++;
    subscriber.onSubscribe(
        new Flow.Subscription() {
          private int next;
          private long demand;
          private boolean done;

          @Override
          public void request(long k) {
            requests.add(String.valueOf(k));
            executor.execute(
                () -> {
                  demand += k + extra;
                  extra = 0;
                  while (!done && demand > 0 && next < n) {
                    demand--;
                    emitted++;
                    subscriber.onNext(next++);
                  }
                  if (!done && next == n) {
                    done = true;
                    if (failure != null) {
                      subscriber.onError(failure);
                    } else {
                      subscriber.onComplete();
                    }
                  }
                });
          }

          @Override
          public void cancel() {
            requests.add("cancel");
            executor.execute(() -> done = true);
          }
        });
  }
}

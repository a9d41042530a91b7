package asyncigo.iter.internal;

import asyncigo.api.CancelledException;
import asyncigo.api.Future;
import asyncigo.api.Promise;
import asyncigo.api.UncheckedExecutionException;
import asyncigo.api.iter.AsyncIterator;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Pull-style iteration of a merge.
 *
 * <p>Implementation overview. The first {@code hasNext()} spawns one feeder task per source. A
 * feeder pulls an element from its source, appends it to {@code arrivals} with a fresh {@code
 * taken} future, wakes the consumer, and awaits {@code taken} before pulling again: each source
 * runs at most one element ahead, and elements come out in the order they arrived. A source's
 * failure is appended the same way and thrown when the consumer reaches it; the consumer then
 * closes the merge. A feeder that ends (normally or not) decrements {@code active}; with no
 * arrival left and no feeder active, the merge has ended.
 *
 * <p>Stopping goes through {@link IterationScope#stop()}, which cancels every feeder; each one's
 * try-with-resources closes its source (a generator's cleanup runs there), and the scope waits
 * for them all. A failure from a source's cleanup is recorded as the merge's cleanup failure.
 */
final class MergeIterator<T> extends PullIterator<T> {
  /** An element and the future its feeder awaits, or (failure set) the end of a failed source. */
  private record Arrival<T>(T element, Promise<Void> taken, Throwable failure) {}

  private final List<? extends Iterable<? extends T>> sources;
  private final ArrayDeque<Arrival<T>> arrivals = new ArrayDeque<>();
  private IterationScope scope;
  private int active;
  private Promise<Void> wakeup;

  MergeIterator(List<? extends Iterable<? extends T>> sources) {
    this.sources = sources;
  }

  @Override
  protected T computeNext() {
    if (scope == null) {
      start();
    }
    while (arrivals.isEmpty()) {
      if (active == 0 || isReleased()) {
        return endOfData();
      }
      wakeup = scope.loop().newFuture();
      wakeup.await();
    }
    Arrival<T> arrival = arrivals.poll();
    if (arrival.failure() != null) {
      throw UncheckedExecutionException.rethrow(arrival.failure());
    }
    arrival.taken().complete(null);
    return arrival.element();
  }

  @Override
  protected void release() {
    if (scope != null) {
      scope.stop();
    }
    arrivals.clear();
  }

  private void start() {
    scope = new IterationScope("a merge", this);
    active = sources.size();
    for (int i = 0; i < sources.size(); i++) {
      Iterable<? extends T> source = sources.get(i);
      scope.spawn("merge-" + i, () -> feed(source));
    }
  }

  private Void feed(Iterable<? extends T> source) {
    try (AsyncIterator<T> it = Sources.iterator(source)) {
      while (it.hasNext()) {
        Promise<Void> taken = scope.loop().newFuture();
        arrive(new Arrival<>(it.next(), taken, null));
        taken.await();
      }
    } catch (Throwable failure) {
      if (scope.stopping()) {
        if (!(failure instanceof CancelledException)) {
          scope.cleanupFailed(failure);
        }
      } else {
        arrive(new Arrival<>(null, null, failure));
      }
    } finally {
      active--;
      wake();
    }
    return null;
  }

  private void arrive(Arrival<T> arrival) {
    arrivals.add(arrival);
    wake();
  }

  private void wake() {
    if (wakeup != null) {
      wakeup.complete(null);
    }
  }
}

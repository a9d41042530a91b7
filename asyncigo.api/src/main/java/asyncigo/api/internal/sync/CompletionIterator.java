package asyncigo.api.internal.sync;

import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.iter.AsyncIterator;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One iteration of {@link asyncigo.api.sync.CompletionOrder}: a done callback on every pending
 * future moves it to {@code completed}; {@link #hasNext()} awaits a gate future that the next
 * callback completes.
 */
public final class CompletionIterator<F extends Future<?>> implements AsyncIterator<F> {
  private final ArrayDeque<F> completed = new ArrayDeque<>();
  private final Set<Future<?>> pending = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Consumer<Future<?>> onDone = this::arrived;
  private Future<Void> gate;

  /** Starts an iteration over the distinct futures of {@code futures}. */
  public CompletionIterator(List<? extends F> futures) {
    Set<Future<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (F future : futures) {
      if (!seen.add(future)) {
        continue;
      }
      if (future.isDone()) {
        completed.add(future);
      } else {
        pending.add(future);
        whenDone((Future<?>) future, onDone);
      }
    }
  }

  @Override
  public boolean hasNext() {
    while (completed.isEmpty() && !pending.isEmpty()) {
      gate = Loop.current().newFuture();
      try {
        gate.await();
      } finally {
        gate = null;
      }
    }
    return !completed.isEmpty();
  }

  @Override
  public F next() {
    if (!hasNext()) {
      throw new NoSuchElementException("every future has been yielded");
    }
    return completed.remove();
  }

  @Override
  public void close() {
    for (Future<?> future : pending) {
      removeWhenDone(future, onDone);
    }
    pending.clear();
    completed.clear();
  }

  @SuppressWarnings("unchecked") // only futures of type F are registered
  private void arrived(Future<?> future) {
    if (pending.remove(future)) {
      completed.add((F) future);
    }
    if (gate != null) {
      gate.complete(null);
    }
  }

  @SuppressWarnings("unchecked")
  private static <X> void whenDone(Future<X> future, Consumer<Future<?>> callback) {
    future.whenDone((Consumer<? super Future<X>>) (Consumer<?>) callback);
  }

  @SuppressWarnings("unchecked")
  private static <X> void removeWhenDone(Future<X> future, Consumer<Future<?>> callback) {
    future.removeWhenDone((Consumer<? super Future<X>>) (Consumer<?>) callback);
  }
}

package asyncigo.api.internal.sync;

import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.Promise;
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
 * callback completes. Loop-confined to the loop of the futures: each method checks the calling
 * thread first.
 */
public final class CompletionIterator<F extends Future<?>> implements AsyncIterator<F> {
  private final Loop loop;
  private final ArrayDeque<F> completed = new ArrayDeque<>();
  private final Set<Future<?>> pending = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Consumer<Future<?>> onDone = this::arrived;
  private Promise<Void> gate;

  /** Starts an iteration over the distinct futures of {@code futures}. */
  public CompletionIterator(List<? extends F> futures) {
    loop = futures.isEmpty() ? null : futures.get(0).loop();
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
    confined("AsyncIterator.hasNext");
    while (completed.isEmpty() && !pending.isEmpty()) {
      gate = loop.newFuture();
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
    confined("AsyncIterator.next");
    if (!hasNext()) {
      throw new NoSuchElementException("every future has been yielded");
    }
    return completed.remove();
  }

  @Override
  public void close() {
    confined("AsyncIterator.close");
    for (Future<?> future : pending) {
      removeWhenDone(future, onDone);
    }
    pending.clear();
    completed.clear();
  }

  /** Checks the calling thread first (no future, no loop: nothing to protect). */
  private void confined(String what) {
    if (loop != null) {
      loop.checkLoopThread(what);
    }
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

package asyncigo.api.sync;

import asyncigo.api.Future;
import asyncigo.api.internal.sync.CompletionIterator;
import asyncigo.api.iter.AsyncIterable;
import asyncigo.api.iter.AsyncIterator;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Futures in the order they complete (asyncio {@code as_completed}, which since 3.13 also yields
 * the original futures).
 *
 * <pre>{@code
 * for (Task<Page> done : CompletionOrder.of(tasks)) {
 *   show(done.await());   // never suspends: the task is done
 * }
 * }</pre>
 *
 * <p>Each iteration yields every distinct future once (a future given twice is yielded once):
 * first those already done when the iteration starts, in argument order, then the others as they
 * complete. A failed or cancelled future is yielded like the others; awaiting it throws. {@code
 * hasNext()} suspends the task until the next future completes; it never cancels the futures, not
 * even when the waiting task is cancelled. Closing the iterator stops the iteration. Loop-confined.
 *
 * @since 0.1
 */
public final class CompletionOrder {
  private CompletionOrder() {}

  /**
   * {@return the futures in completion order}
   *
   * @param <F> the future type
   * @param futures the futures to watch
   */
  @SafeVarargs
  public static <F extends Future<?>> AsyncIterable<F> of(F... futures) {
    return of(Arrays.asList(futures));
  }

  /**
   * {@return the futures in completion order}
   *
   * @param <F> the future type
   * @param futures the futures to watch; copied
   */
  public static <F extends Future<?>> AsyncIterable<F> of(Collection<? extends F> futures) {
    List<F> copy = List.copyOf(futures);
    return new AsyncIterable<>() {
      @Override
      public AsyncIterator<F> iterator() {
        return new CompletionIterator<>(copy);
      }
    };
  }
}

package asyncigo.iter.internal;

import asyncigo.api.iter.AsyncIterator;
import asyncigo.iter.AsyncSeq;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * {@link AsyncSeq#takeWhile}: the elements before the first rejected one; the upstream is stopped
 * at the {@code yield} of that rejected element.
 */
public final class TakeWhileSeq<T> implements AsyncSeq<T> {
  private final AsyncSeq<T> upstream;
  private final Predicate<? super T> keep;

  public TakeWhileSeq(AsyncSeq<T> upstream, Predicate<? super T> keep) {
    this.upstream = upstream;
    this.keep = keep;
  }

  @Override
  public AsyncIterator<T> iterator() {
    AsyncIterator<T> source = upstream.iterator();
    return new PullIterator<>() {
      @Override
      protected T computeNext() {
        if (!source.hasNext()) {
          return endOfData();
        }
        T t = source.next();
        return keep.test(t) ? t : endOfData();
      }

      @Override
      protected void release() {
        source.close();
      }
    };
  }

  @Override
  public void forEach(Consumer<? super T> action) {
    Objects.requireNonNull(action, "action");
    EarlyExit stop = new EarlyExit();
    boolean[] stopped = {false};
    try {
      upstream.forEach(
          t -> {
            if (stopped[0] || !keep.test(t)) {
              stopped[0] = true;
              throw stop;
            }
            action.accept(t);
          });
    } catch (EarlyExit e) {
      if (e != stop) {
        throw e;
      }
    }
  }
}

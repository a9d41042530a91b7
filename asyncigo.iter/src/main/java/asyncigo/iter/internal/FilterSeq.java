package asyncigo.iter.internal;

import asyncigo.api.iter.AsyncIterator;
import asyncigo.iter.AsyncSeq;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * {@link AsyncSeq#filter}: the accepted elements; rejected ones are skipped and iteration goes on
 * (the seed's documented meaning; its implementation stopped at the first rejection).
 */
public final class FilterSeq<T> implements AsyncSeq<T> {
  private final AsyncSeq<T> upstream;
  private final Predicate<? super T> keep;

  public FilterSeq(AsyncSeq<T> upstream, Predicate<? super T> keep) {
    this.upstream = upstream;
    this.keep = keep;
  }

  @Override
  public AsyncIterator<T> iterator() {
    AsyncIterator<T> source = upstream.iterator();
    return new PullIterator<>() {
      @Override
      protected T computeNext() {
        while (source.hasNext()) {
          T t = source.next();
          if (keep.test(t)) {
            return t;
          }
        }
        return endOfData();
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
    upstream.forEach(
        t -> {
          if (keep.test(t)) {
            action.accept(t);
          }
        });
  }
}

package asyncigo.iter.internal;

import asyncigo.api.iter.AsyncIterator;
import asyncigo.iter.AsyncSeq;
import java.util.Objects;
import java.util.function.Consumer;

/** {@link AsyncSeq#drop}: all but the first n elements, which are pulled and discarded. */
public final class DropSeq<T> implements AsyncSeq<T> {
  private final AsyncSeq<T> upstream;
  private final long n;

  public DropSeq(AsyncSeq<T> upstream, long n) {
    if (n < 0) {
      throw new IllegalArgumentException("drop: n must not be negative: " + n);
    }
    this.upstream = upstream;
    this.n = n;
  }

  @Override
  public AsyncIterator<T> iterator() {
    AsyncIterator<T> source = upstream.iterator();
    return new PullIterator<>() {
      private long left = n;

      @Override
      protected T computeNext() {
        for (; left > 0; left--) {
          if (!source.hasNext()) {
            return endOfData();
          }
          source.next();
        }
        return source.hasNext() ? source.next() : endOfData();
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
    long[] left = {n};
    upstream.forEach(
        t -> {
          if (left[0] > 0) {
            left[0]--;
          } else {
            action.accept(t);
          }
        });
  }
}

package asyncigo.iter.internal;

import asyncigo.api.iter.AsyncIterator;
import asyncigo.iter.AsyncSeq;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@link AsyncSeq#flatMap}, and through it {@code flatten} and {@code chain}: the elements of each
 * inner iterable in turn. An inner iterator is closed as soon as it ends, before the next outer
 * element is pulled; closing closes the current inner iterator, then the outer one.
 */
public final class FlatMapSeq<T, R> implements AsyncSeq<R> {
  private final AsyncSeq<T> upstream;
  private final Function<? super T, ? extends Iterable<? extends R>> f;

  public FlatMapSeq(AsyncSeq<T> upstream, Function<? super T, ? extends Iterable<? extends R>> f) {
    this.upstream = upstream;
    this.f = f;
  }

  @Override
  public AsyncIterator<R> iterator() {
    AsyncIterator<T> outer = upstream.iterator();
    return new PullIterator<>() {
      private AsyncIterator<R> inner;

      @Override
      protected R computeNext() {
        while (true) {
          if (inner != null) {
            if (inner.hasNext()) {
              return inner.next();
            }
            AsyncIterator<R> ended = inner;
            inner = null;
            ended.close();
          }
          if (!outer.hasNext()) {
            return endOfData();
          }
          inner = Sources.iterator(innerOf(outer.next()));
        }
      }

      @Override
      protected void release() {
        Sources.closeBoth(inner, outer);
      }
    };
  }

  @Override
  public void forEach(Consumer<? super R> action) {
    Objects.requireNonNull(action, "action");
    upstream.forEach(t -> Sources.forEach(innerOf(t), action));
  }

  private Iterable<? extends R> innerOf(T element) {
    return Objects.requireNonNull(
        f.apply(element), () -> "flatMap function returned null for " + element);
  }
}

package asyncigo.iter.internal;

import asyncigo.api.iter.AsyncIterator;
import asyncigo.iter.AsyncSeq;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/** {@link AsyncSeq#map}: each element transformed. */
public final class MapSeq<T, R> implements AsyncSeq<R> {
  private final AsyncSeq<T> upstream;
  private final Function<? super T, ? extends R> f;

  public MapSeq(AsyncSeq<T> upstream, Function<? super T, ? extends R> f) {
    this.upstream = upstream;
    this.f = f;
  }

  @Override
  public AsyncIterator<R> iterator() {
    AsyncIterator<T> source = upstream.iterator();
    return new PullIterator<>() {
      @Override
      protected R computeNext() {
        return source.hasNext() ? f.apply(source.next()) : endOfData();
      }

      @Override
      protected void release() {
        source.close();
      }
    };
  }

  @Override
  public void forEach(Consumer<? super R> action) {
    Objects.requireNonNull(action, "action");
    upstream.forEach(t -> action.accept(f.apply(t)));
  }
}

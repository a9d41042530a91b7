package asyncigo.iter.internal;

import asyncigo.api.iter.AsyncIterator;
import asyncigo.iter.AsyncSeq;
import asyncigo.iter.Indexed;
import java.util.Objects;
import java.util.function.Consumer;

/** {@link AsyncSeq#enumerate}: each element with its position, counted from a start index. */
public final class EnumerateSeq<T> implements AsyncSeq<Indexed<T>> {
  private final AsyncSeq<T> upstream;
  private final long start;

  public EnumerateSeq(AsyncSeq<T> upstream, long start) {
    this.upstream = upstream;
    this.start = start;
  }

  @Override
  public AsyncIterator<Indexed<T>> iterator() {
    AsyncIterator<T> source = upstream.iterator();
    return new PullIterator<>() {
      private long index = start;

      @Override
      protected Indexed<T> computeNext() {
        return source.hasNext() ? new Indexed<>(index++, source.next()) : endOfData();
      }

      @Override
      protected void release() {
        source.close();
      }
    };
  }

  @Override
  public void forEach(Consumer<? super Indexed<T>> action) {
    Objects.requireNonNull(action, "action");
    long[] index = {start};
    upstream.forEach(t -> action.accept(new Indexed<>(index[0]++, t)));
  }
}

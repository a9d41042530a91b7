package asyncigo.iter.internal;

import asyncigo.api.iter.AsyncIterator;
import asyncigo.iter.AsyncSeq;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/** {@link AsyncSeq#distinct}: the first occurrence of each element (null included). */
public final class DistinctSeq<T> implements AsyncSeq<T> {
  private final AsyncSeq<T> upstream;

  public DistinctSeq(AsyncSeq<T> upstream) {
    this.upstream = upstream;
  }

  @Override
  public AsyncIterator<T> iterator() {
    AsyncIterator<T> source = upstream.iterator();
    Set<T> seen = new HashSet<>();
    return new PullIterator<>() {
      @Override
      protected T computeNext() {
        while (source.hasNext()) {
          T t = source.next();
          if (seen.add(t)) {
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
    Set<T> seen = new HashSet<>();
    upstream.forEach(
        t -> {
          if (seen.add(t)) {
            action.accept(t);
          }
        });
  }
}

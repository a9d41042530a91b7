package asyncigo.iter.internal;

import asyncigo.api.iter.AsyncIterator;
import asyncigo.iter.AsyncSeq;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Any {@link Iterable}, plain or async, seen as a sequence: each iteration asks it for a new
 * iterator, which is closed when the iteration ends if it is {@link AutoCloseable}.
 *
 * @param <T> the element type
 */
final class IterableSeq<T> implements AsyncSeq<T> {
  private final Iterable<? extends T> source;

  IterableSeq(Iterable<? extends T> source) {
    this.source = source;
  }

  @Override
  public AsyncIterator<T> iterator() {
    return Sources.iterator(source);
  }

  @Override
  public void forEach(Consumer<? super T> action) {
    Objects.requireNonNull(action, "action");
    Sources.drain(iterator(), action);
  }
}

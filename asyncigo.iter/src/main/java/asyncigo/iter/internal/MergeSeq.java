package asyncigo.iter.internal;

import asyncigo.api.iter.AsyncIterator;
import asyncigo.iter.AsyncSeq;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * {@code merge}: the elements of several sources in arrival order, the sources iterated
 * concurrently ({@link MergeIterator}). {@link #forEach} pulls too.
 */
public final class MergeSeq<T> implements AsyncSeq<T> {
  private final List<? extends Iterable<? extends T>> sources;

  public MergeSeq(List<? extends Iterable<? extends T>> sources) {
    this.sources = sources;
  }

  @Override
  public AsyncIterator<T> iterator() {
    return new MergeIterator<>(sources);
  }

  @Override
  public void forEach(Consumer<? super T> action) {
    Objects.requireNonNull(action, "action");
    Sources.drain(iterator(), action);
  }
}

package asyncigo.iter.internal;

import asyncigo.api.iter.AsyncIterator;
import asyncigo.iter.AsyncSeq;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * {@code fromPublisher}: the items of a {@link Flow.Publisher}, subscribed anew by each iteration
 * ({@link PublisherIterator}). {@link #forEach} pulls too.
 */
public final class PublisherSeq<T> implements AsyncSeq<T> {
  private final Flow.Publisher<? extends T> publisher;
  private final int prefetch;

  public PublisherSeq(Flow.Publisher<? extends T> publisher, int prefetch) {
    if (prefetch < 1) {
      throw new IllegalArgumentException("fromPublisher: prefetch must be at least 1: " + prefetch);
    }
    this.publisher = publisher;
    this.prefetch = prefetch;
  }

  @Override
  public AsyncIterator<T> iterator() {
    return new PublisherIterator<>(publisher, prefetch);
  }

  @Override
  public void forEach(Consumer<? super T> action) {
    Objects.requireNonNull(action, "action");
    Sources.drain(iterator(), action);
  }
}

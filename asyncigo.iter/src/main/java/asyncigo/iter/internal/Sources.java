package asyncigo.iter.internal;

import asyncigo.api.iter.AsyncIterator;
import asyncigo.iter.AsyncSeq;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/** How the combinators read their inputs, whatever kind of {@link Iterable} those are. */
public final class Sources {
  private Sources() {}

  /** {@code source} as a sequence: itself if it is one, else an {@link IterableSeq} view. */
  @SuppressWarnings("unchecked")
  public static <T> AsyncSeq<T> seq(Iterable<? extends T> source) {
    if (source instanceof AsyncSeq<?> seq) {
      return (AsyncSeq<T>) seq; // read-only use: a sequence of a subtype is a sequence of T
    }
    return new IterableSeq<>(source);
  }

  /** A pull iterator over {@code source}: its own if it is async, else a plain adapter. */
  @SuppressWarnings("unchecked")
  public static <T> AsyncIterator<T> iterator(Iterable<? extends T> source) {
    Iterator<? extends T> it = source.iterator();
    if (it instanceof AsyncIterator<?> async) {
      return (AsyncIterator<T>) async; // read-only use, as above
    }
    return new PlainIterator<>(it);
  }

  /**
   * Push-style iteration of any iterable: a sequence's own {@code forEach}, otherwise its
   * iterator, drained and closed.
   */
  public static <T> void forEach(Iterable<? extends T> source, Consumer<? super T> action) {
    if (source instanceof AsyncSeq<? extends T> seq) {
      seq.forEach(action);
    } else {
      drain(iterator(source), action);
    }
  }

  /** Hands every element of {@code it} to {@code action}, then closes {@code it} in any case. */
  public static <T> void drain(AsyncIterator<? extends T> it, Consumer<? super T> action) {
    try (it) {
      while (it.hasNext()) {
        action.accept(it.next());
      }
    }
  }

  /**
   * An unmodifiable copy of {@code sources}, checked for nulls.
   *
   * @throws NullPointerException naming the combinator and the position of a null source
   */
  public static <S extends Iterable<?>> List<S> checked(String combinator, List<S> sources) {
    Objects.requireNonNull(sources, () -> combinator + ": the list of sources is null");
    for (int i = 0; i < sources.size(); i++) {
      if (sources.get(i) == null) {
        throw new NullPointerException(combinator + ": source " + i + " is null");
      }
    }
    return List.copyOf(sources);
  }

  /**
   * Closes {@code first} (if not null), then {@code second} even if that failed; a second failure
   * is added to the first as suppressed.
   */
  public static void closeBoth(AsyncIterator<?> first, AsyncIterator<?> second) {
    try {
      if (first != null) {
        first.close();
      }
    } catch (RuntimeException | Error failure) {
      try {
        second.close();
      } catch (RuntimeException | Error other) {
        failure.addSuppressed(other);
      }
      throw failure;
    }
    second.close();
  }
}

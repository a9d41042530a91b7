package asyncigo.iter;

import asyncigo.api.Loop;
import asyncigo.iter.internal.CountSeq;
import asyncigo.iter.internal.DialLines;
import asyncigo.iter.internal.FlatMapSeq;
import asyncigo.iter.internal.GeneratorSeq;
import asyncigo.iter.internal.IterablePublisher;
import asyncigo.iter.internal.MergeSeq;
import asyncigo.iter.internal.PublisherSeq;
import asyncigo.iter.internal.RangeSeq;
import asyncigo.iter.internal.Sources;
import asyncigo.iter.internal.ZipSeq;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Builds {@link AsyncSeq sequences}: generators, adapters, ranges, and the iterator utilities of
 * the seed ({@code Map}, {@code Filter}, {@code Chain}, {@code Zip}, ...) as static functions that
 * take any {@link Iterable}, plain or async. Every result is lazy: nothing is pulled from an input
 * before it is needed. Meant for static import:
 *
 * <pre>{@code
 * import static asyncigo.iter.Iter.*;
 *
 * flatMap(range(5), v -> range(v + 1)).toList();   // [0, 0, 1, 0, 1, 2, ...]
 * for (Pair<Integer, String> p : zip(List.of(1, 2), List.of("a", "b"))) { ... }
 * }</pre>
 *
 * <p>A plain input is read through its iterator, which is closed when the sequence is done with
 * it if it is {@link AutoCloseable}. Arguments are checked when the sequence is built: nulls throw
 * {@link NullPointerException} and bad numbers {@link IllegalArgumentException}, each naming the
 * argument.
 */
public final class Iter {
  private Iter() {}

  // ---------------------------------------------------------------- sources

  /**
   * A generator: a sequence whose elements {@code body} yields. Each iteration runs the body
   * anew, in a producer task of its own for pull-style iteration, or in the consuming task for
   * {@link AsyncSeq#forEach}.
   */
  public static <T> AsyncSeq<T> generate(Generator<T> body) {
    return new GeneratorSeq<>(Objects.requireNonNull(body, "body"));
  }

  /**
   * {@code source} as a sequence: the same object if it already is one, otherwise a view that
   * iterates it (and closes its iterator if that is {@link AutoCloseable}).
   */
  public static <T> AsyncSeq<T> of(Iterable<? extends T> source) {
    return Sources.seq(Objects.requireNonNull(source, "source"));
  }

  /** {@code 0, 1, ..., end - 1}; empty if end is 0 or less. */
  public static AsyncSeq<Integer> range(int end) {
    return new RangeSeq(0, end);
  }

  /** {@code start, start + 1, ..., end - 1}; empty unless start is less than end. */
  public static AsyncSeq<Integer> range(int start, int end) {
    return new RangeSeq(start, end);
  }

  /** {@code start, start + 1, ...} without end: bound it with {@code take} or {@code zip}. */
  public static AsyncSeq<Long> count(long start) {
    return new CountSeq(start);
  }

  /**
   * The lines of a TCP connection to {@code host:port} (the seed's {@code DialLines}), each with
   * its {@code '\n'} as {@link asyncigo.api.net.AsyncStream#lines()} returns them. Each iteration
   * connects anew, through {@link Loop#connect(String, int)} on the current loop, and closes the
   * connection when it ends: at end of stream, on failure, or when the consumer stops early. A
   * connection failure is the sequence's failure.
   *
   * @throws IllegalArgumentException if port is outside 1..65535
   */
  public static AsyncSeq<byte[]> dialLines(String host, int port) {
    return generate(new DialLines(host, port));
  }

  // ---------------------------------------------------------------- one input

  /** {@link AsyncSeq#map} on any iterable. */
  public static <T, R> AsyncSeq<R> map(
      Iterable<? extends T> source, Function<? super T, ? extends R> f) {
    return Iter.<T>of(source).map(f);
  }

  /** {@link AsyncSeq#filter} on any iterable: skips rejected elements and goes on. */
  public static <T> AsyncSeq<T> filter(Iterable<? extends T> source, Predicate<? super T> keep) {
    return Iter.<T>of(source).filter(keep);
  }

  /** {@link AsyncSeq#flatMap} on any iterable. */
  public static <T, R> AsyncSeq<R> flatMap(
      Iterable<? extends T> source, Function<? super T, ? extends Iterable<? extends R>> f) {
    return Iter.<T>of(source).flatMap(f);
  }

  /** The elements of each inner iterable, one inner iterable after the other. */
  public static <T> AsyncSeq<T> flatten(Iterable<? extends Iterable<? extends T>> sources) {
    return new FlatMapSeq<Iterable<? extends T>, T>(of(sources), Function.identity());
  }

  /** {@link AsyncSeq#take} on any iterable. */
  public static <T> AsyncSeq<T> take(Iterable<? extends T> source, long n) {
    return Iter.<T>of(source).take(n);
  }

  /** {@link AsyncSeq#takeWhile} on any iterable. */
  public static <T> AsyncSeq<T> takeWhile(Iterable<? extends T> source, Predicate<? super T> keep) {
    return Iter.<T>of(source).takeWhile(keep);
  }

  /** {@link AsyncSeq#drop} on any iterable. */
  public static <T> AsyncSeq<T> drop(Iterable<? extends T> source, long n) {
    return Iter.<T>of(source).drop(n);
  }

  /** {@link AsyncSeq#chunked} on any iterable. */
  public static <T> AsyncSeq<List<T>> chunked(Iterable<? extends T> source, int size) {
    return Iter.<T>of(source).chunked(size);
  }

  /** {@link AsyncSeq#distinct} on any iterable (the seed's {@code Uniq}). */
  public static <T> AsyncSeq<T> distinct(Iterable<? extends T> source) {
    return Iter.<T>of(source).distinct();
  }

  /** Each element of {@code source} with its position, counted from {@code start}. */
  public static <T> AsyncSeq<Indexed<T>> enumerate(long start, Iterable<? extends T> source) {
    return Iter.<T>of(source).enumerate(start);
  }

  // ---------------------------------------------------------------- several inputs

  /**
   * The elements of each input in turn. An input is opened only when the one before it has ended
   * (and has been closed).
   */
  @SafeVarargs
  public static <T> AsyncSeq<T> chain(Iterable<? extends T>... sources) {
    return flatten(Sources.checked("chain", Arrays.asList(sources)));
  }

  /**
   * Pairs of the n-th elements of {@code a} and {@code b}. Each step pulls from {@code a} first
   * and ends, without pulling {@code b}, once {@code a} is exhausted; once {@code b} is exhausted
   * the element just pulled from {@code a} is dropped.
   */
  public static <A, B> AsyncSeq<Pair<A, B>> zip(Iterable<? extends A> a, Iterable<? extends B> b) {
    return new ZipSeq<>(of(a), Objects.requireNonNull(b, "b"), false, null, null);
  }

  /** Pairs until both inputs are exhausted; the side that ended first is null. */
  public static <A, B> AsyncSeq<Pair<A, B>> zipLongest(
      Iterable<? extends A> a, Iterable<? extends B> b) {
    return zipLongest(a, b, null, null);
  }

  /**
   * Pairs until both inputs are exhausted; the side that ended first is {@code missingA} or
   * {@code missingB}.
   */
  public static <A, B> AsyncSeq<Pair<A, B>> zipLongest(
      Iterable<? extends A> a, Iterable<? extends B> b, A missingA, B missingB) {
    return new ZipSeq<>(of(a), Objects.requireNonNull(b, "b"), true, missingA, missingB);
  }

  /**
   * The elements of every source in the order they arrive, the sources being iterated
   * concurrently, each in a task of its own that runs one element ahead at most. A source's
   * failure is thrown after the elements that arrived before it, and stops the others. Closing
   * the merge (or stopping early) closes every source. Pull-style iteration and {@code forEach}
   * both need a task.
   */
  @SafeVarargs
  public static <T> AsyncSeq<T> merge(Iterable<? extends T>... sources) {
    return merge(Arrays.asList(sources));
  }

  /** {@link #merge(Iterable[])} over a list of sources. */
  public static <T> AsyncSeq<T> merge(List<? extends Iterable<? extends T>> sources) {
    return new MergeSeq<>(Sources.checked("merge", sources));
  }

  // ---------------------------------------------------------------- java.util.concurrent.Flow

  /**
   * The items of {@code publisher} as a sequence, with backpressure: each iteration subscribes
   * anew when first pulled, requests {@code prefetch} items, and requests more only as the
   * consumer takes them. The subscriber's callbacks may come from any thread; they are handed to
   * the loop with {@link Loop#callSoonThreadsafe}. Closing the iterator cancels the subscription;
   * {@code onError} is thrown after the items before it.
   *
   * @throws IllegalArgumentException if prefetch is less than 1
   */
  public static <T> AsyncSeq<T> fromPublisher(Flow.Publisher<? extends T> publisher, int prefetch) {
    return new PublisherSeq<>(Objects.requireNonNull(publisher, "publisher"), prefetch);
  }

  /** {@link #fromPublisher(Flow.Publisher, int)} with a prefetch of 16. */
  public static <T> AsyncSeq<T> fromPublisher(Flow.Publisher<? extends T> publisher) {
    return fromPublisher(publisher, 16);
  }

  /**
   * {@code source} as a {@link Flow.Publisher} whose subscriptions run on {@code loop}. Each
   * subscription iterates the source anew in a task of the loop, pulling an element only when the
   * subscriber has requested one; {@code subscribe}, {@code request} and {@code cancel} may be
   * called from any thread. Subscriber callbacks run inside a task of the loop, one at a time. A
   * null element fails the subscription with {@link NullPointerException}. The loop must be
   * running (or run later) for anything to happen; subscribing after it is closed signals {@code
   * onError}.
   */
  public static <T> Flow.Publisher<T> toPublisher(Iterable<? extends T> source, Loop loop) {
    return new IterablePublisher<>(
        Objects.requireNonNull(source, "source"), Objects.requireNonNull(loop, "loop"));
  }
}

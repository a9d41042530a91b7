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
 *
 * <p><b>Threading.</b> Thread-safe: building a sequence needs no loop. Iterating it is
 * loop-confined (see {@link AsyncSeq}).
 *
 * @since 0.1
 */
public final class Iter {
  private Iter() {}

  // ---------------------------------------------------------------- sources

  /**
   * A generator: a sequence whose elements {@code body} yields. Each iteration runs the body
   * anew, in a producer task of its own for pull-style iteration, or in the consuming task for
   * {@link AsyncSeq#forEach}.
   *
   * @param <T> the element type
   * @param body the generator's body
   * @return the sequence
   */
  public static <T> AsyncSeq<T> generate(Generator<T> body) {
    return new GeneratorSeq<>(Objects.requireNonNull(body, "body"));
  }

  /**
   * {@code source} as a sequence: the same object if it already is one, otherwise a view that
   * iterates it (and closes its iterator if that is {@link AutoCloseable}).
   *
   * @param <T> the element type
   * @param source any iterable, plain or async
   * @return the sequence
   */
  public static <T> AsyncSeq<T> of(Iterable<? extends T> source) {
    return Sources.seq(Objects.requireNonNull(source, "source"));
  }

  /**
   * {@return {@code 0, 1, ..., end - 1}; empty if end is 0 or less}
   *
   * @param end the first number not included
   */
  public static AsyncSeq<Integer> range(int end) {
    return new RangeSeq(0, end);
  }

  /**
   * {@return {@code start, start + 1, ..., end - 1}; empty unless start is less than end}
   *
   * @param start the first number
   * @param end the first number not included
   */
  public static AsyncSeq<Integer> range(int start, int end) {
    return new RangeSeq(start, end);
  }

  /**
   * {@return {@code start, start + 1, ...} without end: bound it with {@code take} or {@code zip}}
   *
   * @param start the first number
   */
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
   * @param host the host to connect to
   * @param port the port, 1 to 65535
   * @return the lines of each connection
   * @throws IllegalArgumentException if port is outside 1..65535
   */
  public static AsyncSeq<byte[]> dialLines(String host, int port) {
    return generate(new DialLines(host, port));
  }

  // ---------------------------------------------------------------- one input

  /**
   * {@link AsyncSeq#map} on any iterable.
   *
   * @param <T> the element type
   * @param <R> the type of the results
   * @param source the input
   * @param f the transformation
   * @return each element transformed
   */
  public static <T, R> AsyncSeq<R> map(
      Iterable<? extends T> source, Function<? super T, ? extends R> f) {
    return Iter.<T>of(source).map(f);
  }

  /**
   * {@link AsyncSeq#filter} on any iterable: skips rejected elements and goes on.
   *
   * @param <T> the element type
   * @param source the input
   * @param keep the test an element must pass
   * @return the accepted elements
   */
  public static <T> AsyncSeq<T> filter(Iterable<? extends T> source, Predicate<? super T> keep) {
    return Iter.<T>of(source).filter(keep);
  }

  /**
   * {@link AsyncSeq#flatMap} on any iterable.
   *
   * @param <T> the element type
   * @param <R> the type of the inner elements
   * @param source the input
   * @param f gives the inner sequence of an element
   * @return the inner elements, in order
   */
  public static <T, R> AsyncSeq<R> flatMap(
      Iterable<? extends T> source, Function<? super T, ? extends Iterable<? extends R>> f) {
    return Iter.<T>of(source).flatMap(f);
  }

  /**
   * {@return the elements of each inner iterable, one inner iterable after the other}
   *
   * @param <T> the element type
   * @param sources the inner iterables
   */
  public static <T> AsyncSeq<T> flatten(Iterable<? extends Iterable<? extends T>> sources) {
    return new FlatMapSeq<Iterable<? extends T>, T>(of(sources), Function.identity());
  }

  /**
   * {@link AsyncSeq#take} on any iterable.
   *
   * @param <T> the element type
   * @param source the input
   * @param n how many elements to take
   * @return the first n elements
   * @throws IllegalArgumentException if n is negative
   */
  public static <T> AsyncSeq<T> take(Iterable<? extends T> source, long n) {
    return Iter.<T>of(source).take(n);
  }

  /**
   * {@link AsyncSeq#takeWhile} on any iterable.
   *
   * @param <T> the element type
   * @param source the input
   * @param keep the test that elements pass until the sequence ends
   * @return the elements before the first rejected one
   */
  public static <T> AsyncSeq<T> takeWhile(Iterable<? extends T> source, Predicate<? super T> keep) {
    return Iter.<T>of(source).takeWhile(keep);
  }

  /**
   * {@link AsyncSeq#drop} on any iterable.
   *
   * @param <T> the element type
   * @param source the input
   * @param n how many elements to skip
   * @return the elements after the first n
   * @throws IllegalArgumentException if n is negative
   */
  public static <T> AsyncSeq<T> drop(Iterable<? extends T> source, long n) {
    return Iter.<T>of(source).drop(n);
  }

  /**
   * {@link AsyncSeq#chunked} on any iterable.
   *
   * @param <T> the element type
   * @param source the input
   * @param size the length of each list
   * @return the elements in lists of size (the last may be shorter)
   * @throws IllegalArgumentException if size is less than 1
   */
  public static <T> AsyncSeq<List<T>> chunked(Iterable<? extends T> source, int size) {
    return Iter.<T>of(source).chunked(size);
  }

  /**
   * {@link AsyncSeq#distinct} on any iterable (the seed's {@code Uniq}).
   *
   * @param <T> the element type
   * @param source the input
   * @return the distinct elements, in order of first occurrence
   */
  public static <T> AsyncSeq<T> distinct(Iterable<? extends T> source) {
    return Iter.<T>of(source).distinct();
  }

  /**
   * {@return each element of {@code source} with its position, counted from {@code start}}
   *
   * @param <T> the element type
   * @param start the position of the first element
   * @param source the input
   */
  public static <T> AsyncSeq<Indexed<T>> enumerate(long start, Iterable<? extends T> source) {
    return Iter.<T>of(source).enumerate(start);
  }

  // ---------------------------------------------------------------- several inputs

  /**
   * The elements of each input in turn. An input is opened only when the one before it has ended
   * (and has been closed).
   *
   * @param <T> the element type
   * @param sources the inputs, in order
   * @return the elements of all inputs
   */
  @SafeVarargs
  public static <T> AsyncSeq<T> chain(Iterable<? extends T>... sources) {
    return flatten(Sources.checked("chain", Arrays.asList(sources)));
  }

  /**
   * Pairs of the n-th elements of {@code a} and {@code b}. Each step pulls from {@code a} first
   * and ends, without pulling {@code b}, once {@code a} is exhausted; once {@code b} is exhausted
   * the element just pulled from {@code a} is dropped.
   *
   * @param <A> the element type of a
   * @param <B> the element type of b
   * @param a the first input
   * @param b the second input
   * @return the pairs
   */
  public static <A, B> AsyncSeq<Pair<A, B>> zip(Iterable<? extends A> a, Iterable<? extends B> b) {
    return new ZipSeq<>(of(a), Objects.requireNonNull(b, "b"), false, null, null);
  }

  /**
   * {@return pairs until both inputs are exhausted; the side that ended first is null}
   *
   * @param <A> the element type of a
   * @param <B> the element type of b
   * @param a the first input
   * @param b the second input
   */
  public static <A, B> AsyncSeq<Pair<A, B>> zipLongest(
      Iterable<? extends A> a, Iterable<? extends B> b) {
    return zipLongest(a, b, null, null);
  }

  /**
   * Pairs until both inputs are exhausted; the side that ended first is {@code missingA} or
   * {@code missingB}.
   *
   * @param <A> the element type of a
   * @param <B> the element type of b
   * @param a the first input
   * @param b the second input
   * @param missingA stands for a's elements once a is exhausted
   * @param missingB stands for b's elements once b is exhausted
   * @return the pairs
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
   *
   * @param <T> the element type
   * @param sources the inputs
   * @return the elements of all inputs, as they arrive
   */
  @SafeVarargs
  public static <T> AsyncSeq<T> merge(Iterable<? extends T>... sources) {
    return merge(Arrays.asList(sources));
  }

  /**
   * {@link #merge(Iterable[])} over a list of sources.
   *
   * @param <T> the element type
   * @param sources the inputs
   * @return the elements of all inputs, as they arrive
   */
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
   * @param <T> the item type
   * @param publisher the publisher, subscribed once per iteration
   * @param prefetch how many items to request at first
   * @return the items
   * @throws IllegalArgumentException if prefetch is less than 1
   */
  public static <T> AsyncSeq<T> fromPublisher(Flow.Publisher<? extends T> publisher, int prefetch) {
    return new PublisherSeq<>(Objects.requireNonNull(publisher, "publisher"), prefetch);
  }

  /**
   * {@link #fromPublisher(Flow.Publisher, int)} with a prefetch of 16.
   *
   * @param <T> the item type
   * @param publisher the publisher, subscribed once per iteration
   * @return the items
   */
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
   *
   * @param <T> the element type
   * @param source the sequence to publish
   * @param loop the loop whose tasks run the subscriptions
   * @return the publisher
   */
  public static <T> Flow.Publisher<T> toPublisher(Iterable<? extends T> source, Loop loop) {
    return new IterablePublisher<>(
        Objects.requireNonNull(source, "source"), Objects.requireNonNull(loop, "loop"));
  }
}

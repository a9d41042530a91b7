package asyncigo.iter;

import asyncigo.api.iter.AsyncIterable;
import asyncigo.api.iter.AsyncIterator;
import asyncigo.iter.internal.ChunkedSeq;
import asyncigo.iter.internal.DistinctSeq;
import asyncigo.iter.internal.DropSeq;
import asyncigo.iter.internal.EnumerateSeq;
import asyncigo.iter.internal.FilterSeq;
import asyncigo.iter.internal.FlatMapSeq;
import asyncigo.iter.internal.MapSeq;
import asyncigo.iter.internal.TakeSeq;
import asyncigo.iter.internal.TakeWhileSeq;
import asyncigo.iter.internal.ZipSeq;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A lazy, re-iterable sequence whose elements may arrive asynchronously, with combinators. Every
 * sequence of this module is one: generators ({@link Iter#generate}), adapted iterables ({@link
 * Iter#of}) and everything the combinators return. Nothing runs until the sequence is iterated,
 * and each iteration starts over: a generator's body runs again, a socket is dialled again.
 *
 * <p><b>Two ways to consume.</b>
 *
 * <ul>
 *   <li><b>Pull</b>: a plain {@code for (T x : seq)} loop, or {@link #iterator()}, inside a task.
 *       {@code hasNext()} may suspend the consuming task. A generator's body runs in a producer
 *       task of its own and hands over each element through the loop: one round trip of task
 *       switches per element.
 *   <li><b>Push</b>: {@link #forEach}, {@link #toList()}, {@link #toMap}. The producer runs in the
 *       caller's task and {@code yield} calls the action directly: no task switch per element.
 *       Prefer it whenever the consumer does not need to stop in the middle of its own code.
 * </ul>
 *
 * <p><b>Failures.</b> A producer's failure reaches the consumer after the elements produced
 * before it, thrown from {@code hasNext()} or {@code forEach} (checked exceptions wrapped in
 * {@link asyncigo.api.UncheckedExecutionException}). An iterator that threw is finished.
 *
 * <p><b>Early exit.</b> When the consumer stops early (it closes the iterator, an exception leaves
 * its loop or action, {@link #take} has enough, its task is cancelled), the producer's pending
 * {@link Yield#yield yield} throws a {@link asyncigo.api.CancelledException}, so the body's
 * {@code finally} blocks run and its sockets close; no error is reported for it. Closing a
 * combinator closes its upstream sequences. Close pull iterators with try-with-resources:
 *
 * <pre>{@code
 * try (AsyncIterator<byte[]> lines = Iter.dialLines("localhost", 6172).iterator()) {
 *   while (lines.hasNext()) {
 *     if (isLast(lines.next())) break;   // close() runs the generator's cleanup
 *   }
 * }
 * }</pre>
 *
 * A {@code for} loop that {@code break}s cannot close its iterator; the producer then stays
 * suspended at its {@code yield} until the consuming task ends, and is released then (its
 * cleanup runs in a later step of the loop). {@code close()} returns after the producer's cleanup
 * has run; a failure thrown by that cleanup is thrown from {@code close()} (or, for an iterator
 * released at task end, goes to the loop's exception handler). Cancelling the consuming task
 * while it waits in {@code hasNext()} closes the iterator before the {@link
 * asyncigo.api.CancelledException} leaves {@code hasNext()}.
 *
 * <p><b>Producer cancellation.</b> In pull mode the producer task is cancelled to stop it, so
 * cleanup in its body that needs to await runs inside {@link asyncigo.api.Async#shielded}.
 *
 * <p><b>Threading.</b> Loop-confined. An iterator belongs to the loop its first call ran in: from
 * another thread its {@code hasNext()}, {@code next()} and {@code close()} throw {@link
 * IllegalStateException} before they change anything. Push-style consumption of a sequence whose
 * producers never await (ranges, collections, computing generators) also works outside a loop, and
 * so does pulling such a sequence; an iterator first called outside any loop is not bound to one.
 * The combinators ({@link #map}, {@link #filter}, ...) only build a sequence: they are thread-safe
 * and need no loop. Do not implement this interface yourself: build sequences with {@link Iter}.
 *
 * @param <T> the element type; null elements are allowed (except through Flow publishers)
 * @since 0.1
 */
public interface AsyncSeq<T> extends AsyncIterable<T> {

  /**
   * A new pull iterator; nothing is produced before its first {@code hasNext()}. Must be used
   * inside a task when the sequence contains a generator, a merge or a publisher.
   *
   * @return the iterator; close it to stop early
   */
  @Override
  AsyncIterator<T> iterator();

  /**
   * Push-style iteration: runs the producer in the calling task and hands each element to {@code
   * action} as it is produced. An exception from {@code action} stops the producer (its pending
   * {@code yield} rethrows it, so its {@code finally} blocks run) and propagates from here.
   *
   * @param action called with each element, in the calling task
   */
  @Override
  void forEach(Consumer<? super T> action);

  /**
   * Collects every element, in order, into an unmodifiable list (null elements allowed), push-style
   * (see {@link #forEach}).
   *
   * @return the elements
   */
  default List<T> toList() {
    List<T> list = new ArrayList<>();
    forEach(list::add);
    return Collections.unmodifiableList(list);
  }

  /**
   * Collects every element into an unmodifiable map in encounter order; a later duplicate key
   * replaces the earlier value. Push-style (see {@link #forEach}).
   *
   * @param <K> the key type
   * @param <V> the value type
   * @param key computes an element's key
   * @param value computes an element's value
   * @return the map
   * @throws NullPointerException if key or value is null
   */
  default <K, V> Map<K, V> toMap(
      Function<? super T, ? extends K> key, Function<? super T, ? extends V> value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Map<K, V> map = new LinkedHashMap<>();
    forEach(t -> map.put(key.apply(t), value.apply(t)));
    return Collections.unmodifiableMap(map);
  }

  /**
   * {@return each element transformed by {@code f}}
   *
   * @param <R> the type of the results
   * @param f the transformation, applied as elements are pulled
   */
  default <R> AsyncSeq<R> map(Function<? super T, ? extends R> f) {
    return new MapSeq<>(this, Objects.requireNonNull(f, "f"));
  }

  /**
   * {@return the elements {@code keep} accepts; rejected ones are skipped, and iteration goes on}
   *
   * @param keep the test an element must pass
   */
  default AsyncSeq<T> filter(Predicate<? super T> keep) {
    return new FilterSeq<>(this, Objects.requireNonNull(keep, "keep"));
  }

  /**
   * The elements of the sequences {@code f} returns for each element, one after the other. Each
   * inner sequence is closed when it ends, before the next element is pulled.
   *
   * @param <R> the type of the inner elements
   * @param f gives the inner sequence of an element
   * @return the inner elements, in order
   */
  default <R> AsyncSeq<R> flatMap(Function<? super T, ? extends Iterable<? extends R>> f) {
    return new FlatMapSeq<>(this, Objects.requireNonNull(f, "f"));
  }

  /**
   * The first {@code n} elements. After the n-th, nothing more is pulled: the producer is stopped
   * at the {@code yield} that produced it.
   *
   * @param n how many elements to take
   * @return the first n elements
   * @throws IllegalArgumentException if n is negative
   */
  default AsyncSeq<T> take(long n) {
    return new TakeSeq<>(this, n);
  }

  /**
   * {@return the elements before the first one {@code keep} rejects (which is pulled, then
   * dropped)}
   *
   * @param keep the test that elements pass until the sequence ends
   */
  default AsyncSeq<T> takeWhile(Predicate<? super T> keep) {
    return new TakeWhileSeq<>(this, Objects.requireNonNull(keep, "keep"));
  }

  /**
   * All but the first {@code n} elements (which are pulled and discarded).
   *
   * @param n how many elements to skip
   * @return the elements after the first n
   * @throws IllegalArgumentException if n is negative
   */
  default AsyncSeq<T> drop(long n) {
    return new DropSeq<>(this, n);
  }

  /**
   * The elements in unmodifiable lists of {@code size}; the last list holds the rest and may be
   * shorter. If the upstream fails, the incomplete chunk gathered before the failure is dropped.
   *
   * @param size the length of each list
   * @return the lists
   * @throws IllegalArgumentException if size is less than 1
   */
  default AsyncSeq<List<T>> chunked(int size) {
    return new ChunkedSeq<>(this, size);
  }

  /**
   * The first occurrence of each element, by {@code equals} (the seed's {@code Uniq}). Remembers
   * every element seen during one iteration.
   *
   * @return the distinct elements, in order of first occurrence
   */
  default AsyncSeq<T> distinct() {
    return new DistinctSeq<>(this);
  }

  /**
   * {@return each element with its position, counted from {@code start}}
   *
   * @param start the position of the first element
   */
  default AsyncSeq<Indexed<T>> enumerate(long start) {
    return new EnumerateSeq<>(this, start);
  }

  /**
   * Pairs of elements of this sequence and {@code other}, until either ends (see {@link
   * Iter#zip}).
   *
   * @param <U> the type of the other sequence's elements
   * @param other the other sequence
   * @return the pairs
   */
  default <U> AsyncSeq<Pair<T, U>> zip(Iterable<? extends U> other) {
    return new ZipSeq<>(this, Objects.requireNonNull(other, "other"), false, null, null);
  }
}

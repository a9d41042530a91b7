package asyncigo.api.iter;

import java.util.Iterator;

/**
 * An iterator whose {@code hasNext()} may suspend the calling task. A failure of the producer
 * is thrown from {@code hasNext()} after the elements produced before it (checked ones wrapped in
 * {@link asyncigo.api.UncheckedExecutionException}).
 *
 * <p><b>Threading.</b> Loop-confined. The iterators of asyncigo belong to the loop in which they
 * are first called; from another thread {@code hasNext()}, {@code next()} and {@code close()}
 * throw {@link IllegalStateException} before they change anything. (An iterator over plain
 * iterables that is first called outside any loop is not bound to one.)
 *
 * @param <T> the element type
 * @since 0.1
 */
public interface AsyncIterator<T> extends Iterator<T>, AutoCloseable {
  /** Stops the iteration and releases the producer. Idempotent; never throws checked exceptions. */
  @Override
  void close();
}

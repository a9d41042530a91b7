package asyncigo.api.iter;

import java.util.Iterator;

/**
 * An iterator whose {@code hasNext()} may suspend the calling task. A failure of the producer
 * is thrown from {@code hasNext()} after the elements produced before it (checked ones wrapped in
 * {@link asyncigo.api.UncheckedExecutionException}). Loop-confined.
 *
 * @param <T> the element type
 */
public interface AsyncIterator<T> extends Iterator<T>, AutoCloseable {
  /** Stops the iteration and releases the producer. Idempotent; never throws checked exceptions. */
  @Override
  void close();
}

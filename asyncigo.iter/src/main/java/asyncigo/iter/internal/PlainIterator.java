package asyncigo.iter.internal;

import asyncigo.api.UncheckedExecutionException;
import asyncigo.api.iter.AsyncIterator;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A plain {@link Iterator} seen as an {@link AsyncIterator}: calls pass straight through, and
 * {@link #close()} closes the iterator if it is {@link AutoCloseable} (checked failures wrapped in
 * {@link UncheckedExecutionException}), at most once.
 *
 * @param <T> the element type
 */
final class PlainIterator<T> implements AsyncIterator<T> {
  private final Iterator<? extends T> delegate;
  private boolean closed;

  PlainIterator(Iterator<? extends T> delegate) {
    this.delegate = delegate;
  }

  @Override
  public boolean hasNext() {
    return !closed && delegate.hasNext();
  }

  @Override
  public T next() {
    if (closed) {
      throw new NoSuchElementException("the iterator is closed");
    }
    return delegate.next();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (delegate instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        throw UncheckedExecutionException.rethrow(e);
      }
    }
  }
}

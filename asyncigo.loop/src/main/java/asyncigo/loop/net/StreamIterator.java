package asyncigo.loop.net;

import asyncigo.api.Loop;
import asyncigo.api.UncheckedExecutionException;
import asyncigo.api.iter.AsyncIterator;
import java.io.IOException;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * A pull iterator over a stream's reads ({@code lines()}, {@code chunks(n)}) or an endpoint's
 * datagrams: {@link #hasNext()} performs the read in the consuming task. Closing it stops the iteration and closes nothing; an
 * element fetched by {@code hasNext()} but never taken goes back to the stream. Loop-confined: each
 * method checks the calling thread first.
 */
final class StreamIterator<T> implements AsyncIterator<T> {
  /** One read: the next element, or null at end of stream. */
  @FunctionalInterface
  interface Read<T> {
    T next() throws IOException;
  }

  private final Loop loop;
  private final Read<T> read;
  private final Consumer<T> unread;
  private T fetched;
  private boolean finished;

  StreamIterator(Loop loop, Read<T> read, Consumer<T> unread) {
    this.loop = loop;
    this.read = read;
    this.unread = unread;
  }

  /**
   * {@inheritDoc}
   *
   * @throws UncheckedExecutionException wrapping the {@link IOException} a read failed with
   */
  @Override
  public boolean hasNext() {
    loop.checkLoopThread("AsyncIterator.hasNext");
    if (finished) {
      return false;
    }
    if (fetched == null) {
      try {
        fetched = read.next();
      } catch (IOException e) {
        finished = true;
        throw new UncheckedExecutionException(e);
      }
      finished = fetched == null;
    }
    return !finished;
  }

  @Override
  public T next() {
    loop.checkLoopThread("AsyncIterator.next");
    if (!hasNext()) {
      throw new NoSuchElementException("end of stream");
    }
    T element = fetched;
    fetched = null;
    return element;
  }

  @Override
  public void close() {
    loop.checkLoopThread("AsyncIterator.close");
    finished = true;
    if (fetched != null) {
      unread.accept(fetched);
      fetched = null;
    }
  }
}

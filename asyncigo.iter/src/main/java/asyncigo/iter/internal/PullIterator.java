package asyncigo.iter.internal;

import asyncigo.api.Loop;
import asyncigo.api.UncheckedExecutionException;
import asyncigo.api.iter.AsyncIterator;
import java.util.NoSuchElementException;

/**
 * The skeleton of every pull iterator of this module: one element of look-ahead, and {@link
 * #release()} run exactly once, at the first of: the end of the elements, a failure while pulling
 * (the iterator is then finished), or {@link #close()}. A failure of {@code release()} after a
 * pulling failure is added to it as suppressed.
 *
 * <p>Loop-confined to the loop its first call ran in: {@link #hasNext()}, {@link #next()} and
 * {@link #close()} check the calling thread before anything else ({@link Loop#checkLoopThread}).
 * An iterator first called outside any loop (a plain source iterated by plain code) is not
 * checked.
 *
 * @param <T> the element type
 */
public abstract class PullIterator<T> implements AsyncIterator<T> {
  private static final int IDLE = 0;
  private static final int READY = 1;
  private static final int ENDED = 2;

  /** The marker of an iterator whose first call ran outside any loop. */
  private static final Object NO_LOOP = new Object();

  /** Null before the first call; then its loop, or {@link #NO_LOOP}. */
  private volatile Object confinement;
  private int state = IDLE;
  private T lookahead;
  private boolean released;

  /** Pulls the next element, or returns {@link #endOfData()}. May suspend the calling task. */
  protected abstract T computeNext();

  /** Releases what this iterator holds: closes upstream iterators, stops producer tasks. */
  protected abstract void release();

  /** Marks the end of the elements; {@code return endOfData();} from {@link #computeNext()}. */
  protected final T endOfData() {
    state = ENDED;
    return null;
  }

  /** Whether {@link #close()} has been called or the iterator has otherwise finished. */
  protected final boolean isReleased() {
    return released;
  }

  private void confine(String what) {
    Object loop = confinement;
    if (loop == null) {
      loop = bind();
    }
    if (loop instanceof Loop confined) {
      confined.checkLoopThread(what);
    }
  }

  private synchronized Object bind() {
    if (confinement == null) {
      confinement = Loop.running().<Object>map(loop -> loop).orElse(NO_LOOP);
    }
    return confinement;
  }

  @Override
  public final boolean hasNext() {
    confine("AsyncIterator.hasNext");
    if (state == READY) {
      return true;
    }
    if (state == ENDED) {
      return false;
    }
    T value;
    try {
      value = computeNext();
    } catch (Throwable failure) {
      state = ENDED;
      try {
        close();
      } catch (Throwable cleanup) {
        if (cleanup != failure) {
          failure.addSuppressed(cleanup);
        }
      }
      throw UncheckedExecutionException.rethrow(failure);
    }
    if (state == ENDED || released) {
      close();
      return false;
    }
    lookahead = value;
    state = READY;
    return true;
  }

  @Override
  public final T next() {
    confine("AsyncIterator.next");
    if (!hasNext()) {
      throw new NoSuchElementException("the iteration has ended");
    }
    T value = lookahead;
    lookahead = null;
    state = IDLE;
    return value;
  }

  @Override
  public final void close() {
    confine("AsyncIterator.close");
    state = ENDED;
    lookahead = null;
    if (!released) {
      released = true;
      release();
    }
  }
}

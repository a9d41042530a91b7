package asyncigo.iter.internal;

import asyncigo.api.iter.AsyncIterator;
import asyncigo.iter.AsyncSeq;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * {@link AsyncSeq#take}: the first n elements. The upstream is stopped right after the n-th
 * element was pulled (pull) or handed to the action (push), so the producer never runs past the
 * {@code yield} of the n-th element.
 */
public final class TakeSeq<T> implements AsyncSeq<T> {
  private final AsyncSeq<T> upstream;
  private final long n;

  public TakeSeq(AsyncSeq<T> upstream, long n) {
    if (n < 0) {
      throw new IllegalArgumentException("take: n must not be negative: " + n);
    }
    this.upstream = upstream;
    this.n = n;
  }

  @Override
  public AsyncIterator<T> iterator() {
    AsyncIterator<T> source = upstream.iterator();
    return new PullIterator<>() {
      private long left = n;

      @Override
      protected T computeNext() {
        if (left == 0 || !source.hasNext()) {
          return endOfData();
        }
        T t = source.next();
        if (--left == 0) {
          source.close();
        }
        return t;
      }

      @Override
      protected void release() {
        source.close();
      }
    };
  }

  @Override
  public void forEach(Consumer<? super T> action) {
    Objects.requireNonNull(action, "action");
    if (n == 0) {
      return;
    }
    EarlyExit stop = new EarlyExit();
    long[] left = {n};
    try {
      upstream.forEach(
          t -> {
            if (left[0] == 0) {
              throw stop; // the producer went on yielding after being stopped
            }
            left[0]--;
            action.accept(t);
            if (left[0] == 0) {
              throw stop;
            }
          });
    } catch (EarlyExit e) {
      if (e != stop) {
        throw e;
      }
    }
  }
}

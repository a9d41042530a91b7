package asyncigo.iter.internal;

import asyncigo.api.iter.AsyncIterator;
import asyncigo.iter.AsyncSeq;
import asyncigo.iter.Pair;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * {@code zip} and {@code zipLongest}: pairs of the n-th elements of two inputs, pulling the first
 * input before the second. {@code zip} ends as soon as either input is exhausted (without pulling
 * the second once the first is); {@code zipLongest} goes on until both are, filling the missing
 * side, and closes each input as soon as it is exhausted. {@link #forEach} pulls too: two
 * producers cannot both push into one consumer.
 */
public final class ZipSeq<A, B> implements AsyncSeq<Pair<A, B>> {
  private final AsyncSeq<A> first;
  private final Iterable<? extends B> second;
  private final boolean longest;
  private final A missingFirst;
  private final B missingSecond;

  public ZipSeq(
      AsyncSeq<A> first,
      Iterable<? extends B> second,
      boolean longest,
      A missingFirst,
      B missingSecond) {
    this.first = first;
    this.second = second;
    this.longest = longest;
    this.missingFirst = missingFirst;
    this.missingSecond = missingSecond;
  }

  @Override
  public AsyncIterator<Pair<A, B>> iterator() {
    AsyncIterator<A> a = first.iterator();
    AsyncIterator<B> b = Sources.iterator(second);
    return new PullIterator<>() {
      private boolean aEnded;
      private boolean bEnded;

      @Override
      protected Pair<A, B> computeNext() {
        if (!longest) {
          if (!a.hasNext()) {
            return endOfData();
          }
          A x = a.next();
          return b.hasNext() ? new Pair<>(x, b.next()) : endOfData();
        }
        boolean hasA = !aEnded && a.hasNext();
        if (!hasA && !aEnded) {
          aEnded = true;
          a.close();
        }
        boolean hasB = !bEnded && b.hasNext();
        if (!hasB && !bEnded) {
          bEnded = true;
          b.close();
        }
        if (!hasA && !hasB) {
          return endOfData();
        }
        return new Pair<>(hasA ? a.next() : missingFirst, hasB ? b.next() : missingSecond);
      }

      @Override
      protected void release() {
        Sources.closeBoth(a, b);
      }
    };
  }

  @Override
  public void forEach(Consumer<? super Pair<A, B>> action) {
    Objects.requireNonNull(action, "action");
    Sources.drain(iterator(), action);
  }
}

package asyncigo.iter.internal;

import asyncigo.api.iter.AsyncIterator;
import asyncigo.iter.AsyncSeq;
import java.util.Objects;
import java.util.function.Consumer;

/** {@code range}: the ints from {@code start} (inclusive) to {@code end} (exclusive). */
public final class RangeSeq implements AsyncSeq<Integer> {
  private final int start;
  private final int end;

  public RangeSeq(int start, int end) {
    this.start = start;
    this.end = end;
  }

  @Override
  public AsyncIterator<Integer> iterator() {
    return new PullIterator<>() {
      private int next = start;

      @Override
      protected Integer computeNext() {
        if (next >= end) {
          return endOfData();
        }
        return next++;
      }

      @Override
      protected void release() {}
    };
  }

  @Override
  public void forEach(Consumer<? super Integer> action) {
    Objects.requireNonNull(action, "action");
    for (int i = start; i < end; i++) {
      action.accept(i);
    }
  }
}

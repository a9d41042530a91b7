package asyncigo.iter.internal;

import asyncigo.api.iter.AsyncIterator;
import asyncigo.iter.AsyncSeq;
import java.util.Objects;
import java.util.function.Consumer;

/** {@code count}: {@code start, start + 1, ...} without end. */
public final class CountSeq implements AsyncSeq<Long> {
  private final long start;

  public CountSeq(long start) {
    this.start = start;
  }

  @Override
  public AsyncIterator<Long> iterator() {
    return new PullIterator<>() {
      private long next = start;

      @Override
      protected Long computeNext() {
        return next++;
      }

      @Override
      protected void release() {}
    };
  }

  @Override
  public void forEach(Consumer<? super Long> action) {
    Objects.requireNonNull(action, "action");
    for (long i = start; ; i++) {
      action.accept(i);
    }
  }
}

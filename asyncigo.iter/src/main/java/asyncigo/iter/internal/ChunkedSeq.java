package asyncigo.iter.internal;

import asyncigo.api.iter.AsyncIterator;
import asyncigo.iter.AsyncSeq;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * {@link AsyncSeq#chunked}: unmodifiable lists of {@code size} elements, the last one shorter.
 * An upstream failure is thrown at once; the incomplete chunk gathered before it is dropped.
 */
public final class ChunkedSeq<T> implements AsyncSeq<List<T>> {
  private final AsyncSeq<T> upstream;
  private final int size;

  public ChunkedSeq(AsyncSeq<T> upstream, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("chunked: size must be at least 1: " + size);
    }
    this.upstream = upstream;
    this.size = size;
  }

  @Override
  public AsyncIterator<List<T>> iterator() {
    AsyncIterator<T> source = upstream.iterator();
    return new PullIterator<>() {
      @Override
      protected List<T> computeNext() {
        List<T> chunk = newChunk();
        while (chunk.size() < size && source.hasNext()) {
          chunk.add(source.next());
        }
        return chunk.isEmpty() ? endOfData() : Collections.unmodifiableList(chunk);
      }

      @Override
      protected void release() {
        source.close();
      }
    };
  }

  @Override
  public void forEach(Consumer<? super List<T>> action) {
    Objects.requireNonNull(action, "action");
    var filling =
        new Object() {
          List<T> chunk = newChunk();
        };
    upstream.forEach(
        t -> {
          filling.chunk.add(t);
          if (filling.chunk.size() == size) {
            List<T> full = filling.chunk;
            filling.chunk = newChunk();
            action.accept(Collections.unmodifiableList(full));
          }
        });
    if (!filling.chunk.isEmpty()) {
      action.accept(Collections.unmodifiableList(filling.chunk));
    }
  }

  private List<T> newChunk() {
    return new ArrayList<>(Math.min(size, 64));
  }
}

package asyncigo.api.internal.sync;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;

/** The items of an {@link RealQueue}, in the order one discipline hands them out. */
public abstract sealed class ItemBuffer<T> {

  /** Oldest first. */
  public static <T> ItemBuffer<T> fifo() {
    return new Deque<>(true);
  }

  /** Newest first. */
  public static <T> ItemBuffer<T> lifo() {
    return new Deque<>(false);
  }

  /** Smallest first by {@code order}; equal items oldest first. */
  public static <T> ItemBuffer<T> priority(Comparator<? super T> order) {
    return new Priority<>(Objects.requireNonNull(order, "order"));
  }

  abstract void add(T item);

  /** Removes the next item; the buffer must not be empty. */
  abstract T remove();

  abstract int size();

  /** Removes every item, in the order {@link #remove()} would have. */
  final List<T> drain() {
    List<T> items = new ArrayList<>(size());
    while (size() > 0) {
      items.add(remove());
    }
    return items;
  }

  private static final class Deque<T> extends ItemBuffer<T> {
    private final ArrayDeque<T> items = new ArrayDeque<>();
    private final boolean fifo;

    Deque(boolean fifo) {
      this.fifo = fifo;
    }

    @Override
    void add(T item) {
      items.addLast(item);
    }

    @Override
    T remove() {
      return fifo ? items.removeFirst() : items.removeLast();
    }

    @Override
    int size() {
      return items.size();
    }
  }

  private static final class Priority<T> extends ItemBuffer<T> {
    private record Entry<T>(T item, long sequence) {}

    private final PriorityQueue<Entry<T>> items;
    private long nextSequence;

    Priority(Comparator<? super T> order) {
      Comparator<Entry<T>> byItem = (a, b) -> order.compare(a.item(), b.item());
      this.items = new PriorityQueue<>(byItem.thenComparingLong(Entry::sequence));
    }

    @Override
    void add(T item) {
      items.add(new Entry<>(item, nextSequence++));
    }

    @Override
    T remove() {
      return items.remove().item();
    }

    @Override
    int size() {
      return items.size();
    }
  }
}

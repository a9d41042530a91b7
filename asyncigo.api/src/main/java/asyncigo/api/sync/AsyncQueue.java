package asyncigo.api.sync;

import asyncigo.api.CancelledException;
import asyncigo.api.internal.sync.ItemBuffer;
import asyncigo.api.internal.sync.RealQueue;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A queue between tasks of one loop (asyncio {@code Queue}, {@code LifoQueue} and {@code
 * PriorityQueue}): {@link #get()} waits while it is empty, {@link #put} waits while it is full.
 *
 * <pre>{@code
 * AsyncQueue<Job> jobs = AsyncQueue.fifo(100);
 * spawn(() -> { while (true) { Job job = jobs.get(); run(job); jobs.taskDone(); } });
 * jobs.put(job);
 * jobs.join();       // until every job put has been marked done
 * jobs.shutdown();   // the worker's next get() throws QueueShutDownException
 * }</pre>
 *
 * <p><b>Order.</b> {@link #fifo()} hands items out oldest first, {@link #lifo()} newest first,
 * {@link #priority} smallest first by its comparator, and equal items oldest first.
 *
 * <p><b>Waiting.</b> Getters and putters are each served in FIFO order. An item put while getters
 * wait is promised to the oldest of them, which takes the next item when it resumes; a slot freed
 * while putters wait is promised to the oldest putter. {@link #poll()} and {@link #offer} never
 * take what is promised. A waiter cancelled while it waits leaves the queue as if it had never
 * waited; one cancelled after an item or a slot was promised to it passes the promise on, and a
 * put that throws never leaves its item in the queue.
 *
 * <p><b>Shutdown</b> (asyncio 3.13). After {@link #shutdown()} puts throw {@link
 * QueueShutDownException}, gets take the items left and then throw it, and every waiting task
 * wakes with it. {@link #shutdownNow()} also removes the items left and counts them as done for
 * {@link #join()}.
 *
 * <p>Items must not be null. Loop-confined (see the {@linkplain asyncigo.api.sync package}); the
 * factory methods are thread-safe and need no loop.
 *
 * @param <T> the item type
 * @since 0.1
 */
public interface AsyncQueue<T> {

  /**
   * {@return a new unbounded first-in-first-out queue}
   *
   * @param <T> the item type
   */
  static <T> AsyncQueue<T> fifo() {
    return new RealQueue<>(ItemBuffer.fifo(), Integer.MAX_VALUE);
  }

  /**
   * {@return a new first-in-first-out queue holding at most {@code capacity} items}
   *
   * @param <T> the item type
   * @param capacity the most items it holds
   * @throws IllegalArgumentException if capacity is not positive
   */
  static <T> AsyncQueue<T> fifo(int capacity) {
    return new RealQueue<>(ItemBuffer.fifo(), capacity);
  }

  /**
   * {@return a new unbounded last-in-first-out queue (a stack)}
   *
   * @param <T> the item type
   */
  static <T> AsyncQueue<T> lifo() {
    return new RealQueue<>(ItemBuffer.lifo(), Integer.MAX_VALUE);
  }

  /**
   * {@return a new last-in-first-out queue holding at most {@code capacity} items}
   *
   * @param <T> the item type
   * @param capacity the most items it holds
   * @throws IllegalArgumentException if capacity is not positive
   */
  static <T> AsyncQueue<T> lifo(int capacity) {
    return new RealQueue<>(ItemBuffer.lifo(), capacity);
  }

  /**
   * {@return a new unbounded queue handing out the smallest item by {@code order} first}
   *
   * @param <T> the item type
   * @param order the order of the items
   */
  static <T> AsyncQueue<T> priority(Comparator<? super T> order) {
    return new RealQueue<>(ItemBuffer.priority(order), Integer.MAX_VALUE);
  }

  /**
   * {@return a new priority queue holding at most {@code capacity} items}
   *
   * @param <T> the item type
   * @param order the order of the items
   * @param capacity the most items it holds
   * @throws IllegalArgumentException if capacity is not positive
   */
  static <T> AsyncQueue<T> priority(Comparator<? super T> order, int capacity) {
    return new RealQueue<>(ItemBuffer.priority(order), capacity);
  }

  /**
   * Adds {@code item}, waiting while the queue is full. Returns without suspending when there is
   * room and no putter waits.
   *
   * @param item the item to add
   * @throws QueueShutDownException if the queue is shut down, before or while waiting
   * @throws CancelledException if the task is cancelled while waiting; the item was not added
   * @throws NullPointerException if item is null
   */
  void put(T item);

  /**
   * Removes and returns the next item, waiting while there is none. Returns without suspending
   * when an item is available.
   *
   * @return the item
   * @throws QueueShutDownException if the queue is shut down and no item is left for this call
   * @throws CancelledException if the task is cancelled while waiting; no item was taken
   */
  T get();

  /**
   * Adds {@code item} if there is room now; never waits.
   *
   * @param item the item to add
   * @return true if it was added, false if the queue is full (or putters wait)
   * @throws QueueShutDownException if the queue is shut down
   * @throws NullPointerException if item is null
   */
  boolean offer(T item);

  /**
   * Removes and returns the next item if one is available now; never waits.
   *
   * @return the item, or empty if no item is available (items promised to waiting getters are not)
   * @throws QueueShutDownException if the queue is shut down and no item is available
   */
  Optional<T> poll();

  /**
   * {@return the number of items in the queue, including those promised to getters not resumed
   * yet}
   */
  int size();

  /**
   * {@return the most items the queue holds; {@link Integer#MAX_VALUE} for an unbounded queue}
   * Thread-safe: it never changes.
   */
  int capacity();

  /** {@return whether {@link #size()} is 0} */
  boolean isEmpty();

  /** {@return whether a {@link #put} would have to wait now} */
  boolean isFull();

  /**
   * Marks one item taken from the queue as processed; {@link #join()} returns once every item put
   * has been marked.
   *
   * @throws IllegalStateException if called more times than items were put
   */
  void taskDone();

  /**
   * Waits until every item put has been marked with {@link #taskDone()} (or removed by {@link
   * #shutdownNow()}); returns at once if none is outstanding.
   *
   * @throws CancelledException if the task is cancelled while waiting
   */
  void join();

  /**
   * Shuts the queue down gracefully (asyncio {@code shutdown()}): later puts throw, gets drain the
   * items left and then throw, and every task waiting now wakes with {@link
   * QueueShutDownException}. Idempotent.
   */
  void shutdown();

  /**
   * Shuts the queue down at once (asyncio {@code shutdown(immediate=True)}): like {@link
   * #shutdown()}, and also removes the items left, counts them as done for {@link #join()}, and
   * returns them in the order gets would have taken them.
   *
   * @return the items removed
   */
  List<T> shutdownNow();

  /** {@return whether {@link #shutdown()} or {@link #shutdownNow()} was called} */
  boolean isShutDown();
}

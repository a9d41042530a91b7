package asyncigo.api.internal.sync;

import asyncigo.api.Loop;
import asyncigo.api.sync.AsyncQueue;
import asyncigo.api.sync.QueueShutDownException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The {@link AsyncQueue}, for every discipline ({@link ItemBuffer}) and capacity. */
public final class RealQueue<T> implements AsyncQueue<T> {
  /*
   * Implementation overview.
   *
   * Grants are promises, not items. When an item arrives while getters wait, it goes into the
   * buffer and the oldest getter is promised one item (promisedItems++); the getter removes the
   * next item when it resumes. When a slot frees while putters wait, the oldest putter is promised
   * it (promisedSlots++) and adds its item when it resumes. So:
   *  - an item never leaves the buffer before a get returns it, and a put that throws never leaves
   *    its item behind: a getter or putter cancelled after its grant only gives the promise back,
   *    and the promise goes to the next waiter (itemReturned, slotReturned);
   *  - the discipline applies when the item is taken, as in asyncio (a LIFO getter takes the
   *    newest item at the time it resumes);
   *  - newcomers cannot overtake waiters: poll() and get() take only unpromised items
   *    (available()), offer() and put() only unpromised slots (hasRoom()).
   *
   * Invariants, outside shutdown:
   *  0 <= promisedItems <= buffer.size(),  buffer.size() + promisedSlots <= capacity,
   *  live getters wait only while available() == 0, live putters only while !hasRoom().
   *
   * Shutdown fails every waiting task and zeroes promisedSlots: a putter resuming after it throws
   * without adding. shutdownNow also drains the buffer and zeroes promisedItems: a getter resuming
   * after it throws. `unfinished` counts items added and not yet marked with taskDone().
   */

  private final LoopBinding binding = new LoopBinding();
  private final ItemBuffer<T> buffer;
  private final int capacity;
  private final WaitQueue<Void> getters = new WaitQueue<>();
  private final WaitQueue<Void> putters = new WaitQueue<>();
  private final WaitQueue<Void> joiners = new WaitQueue<>();
  private int promisedItems;
  private int promisedSlots;
  private int unfinished;
  private boolean shutDown;
  private boolean shutDownNow;

  /** A queue over {@code buffer} holding at most {@code capacity} items. */
  public RealQueue(ItemBuffer<T> buffer, int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("queue capacity must be positive: " + capacity);
    }
    this.buffer = buffer;
    this.capacity = capacity;
  }

  @Override
  public void put(T item) {
    Loop loop = binding.check("AsyncQueue.put");
    Objects.requireNonNull(item, "queue items must not be null");
    requireOpen("put()");
    if (hasRoom()) {
      add(item);
      return;
    }
    putters.await(loop, promised -> slotReturned());
    if (shutDown) {
      throw new QueueShutDownException("put() on a queue shut down while the task waited");
    }
    promisedSlots--;
    add(item);
  }

  @Override
  public T get() {
    Loop loop = binding.check("AsyncQueue.get");
    if (available() > 0) {
      return take();
    }
    if (shutDown) {
      throw new QueueShutDownException("get() on a queue that is shut down and has no item left");
    }
    getters.await(loop, promised -> itemReturned());
    if (shutDownNow) {
      throw new QueueShutDownException("get() on a queue shut down immediately while it waited");
    }
    promisedItems--;
    return take();
  }

  @Override
  public boolean offer(T item) {
    binding.check("AsyncQueue.offer");
    Objects.requireNonNull(item, "queue items must not be null");
    requireOpen("offer()");
    if (!hasRoom()) {
      return false;
    }
    add(item);
    return true;
  }

  @Override
  public Optional<T> poll() {
    binding.check("AsyncQueue.poll");
    if (available() > 0) {
      return Optional.of(take());
    }
    if (shutDown) {
      throw new QueueShutDownException("poll() on a queue that is shut down and has no item left");
    }
    return Optional.empty();
  }

  @Override
  public int size() {
    binding.check("AsyncQueue.size");
    return buffer.size();
  }

  @Override
  public int capacity() {
    return capacity;
  }

  @Override
  public boolean isEmpty() {
    binding.check("AsyncQueue.isEmpty");
    return buffer.size() == 0;
  }

  @Override
  public boolean isFull() {
    binding.check("AsyncQueue.isFull");
    return !hasRoom();
  }

  @Override
  public void taskDone() {
    binding.check("AsyncQueue.taskDone");
    if (unfinished == 0) {
      throw new IllegalStateException("taskDone() called more times than items were put");
    }
    if (--unfinished == 0) {
      joiners.grantAll(null);
    }
  }

  @Override
  public void join() {
    Loop loop = binding.check("AsyncQueue.join");
    if (unfinished > 0) {
      joiners.await(loop, woken -> {});
    }
  }

  @Override
  public void shutdown() {
    binding.check("AsyncQueue.shutdown");
    if (shutDown) {
      return;
    }
    shutDown = true;
    promisedSlots = 0;
    putters.failAll(() -> new QueueShutDownException("put() on a queue shut down while it waited"));
    getters.failAll(() -> new QueueShutDownException("get() on a queue shut down while it waited"));
  }

  @Override
  public List<T> shutdownNow() {
    binding.check("AsyncQueue.shutdownNow");
    shutdown();
    shutDownNow = true;
    promisedItems = 0;
    List<T> removed = buffer.drain();
    unfinished = Math.max(0, unfinished - removed.size());
    if (unfinished == 0) {
      joiners.grantAll(null);
    }
    return removed;
  }

  @Override
  public boolean isShutDown() {
    binding.check("AsyncQueue.isShutDown");
    return shutDown;
  }

  private int available() {
    return buffer.size() - promisedItems;
  }

  private boolean hasRoom() {
    return buffer.size() + promisedSlots < capacity;
  }

  private void add(T item) {
    buffer.add(item);
    unfinished++;
    promiseItemToGetter();
  }

  private T take() {
    T item = buffer.remove();
    promiseSlotToPutter();
    return item;
  }

  private void promiseItemToGetter() {
    if (available() > 0 && getters.grant(null)) {
      promisedItems++;
    }
  }

  private void promiseSlotToPutter() {
    if (hasRoom() && putters.grant(null)) {
      promisedSlots++;
    }
  }

  /** A getter was cancelled after an item was promised to it: the promise goes to the next. */
  private void itemReturned() {
    if (!shutDownNow) {
      promisedItems--;
      promiseItemToGetter();
    }
  }

  /** A putter was cancelled after a slot was promised to it: the promise goes to the next. */
  private void slotReturned() {
    if (!shutDown) {
      promisedSlots--;
      promiseSlotToPutter();
    }
  }

  private void requireOpen(String operation) {
    if (shutDown) {
      throw new QueueShutDownException(operation + " on a queue that is shut down");
    }
  }

  @Override
  public String toString() {
    return "AsyncQueue[size="
        + buffer.size()
        + (capacity == Integer.MAX_VALUE ? "" : ", capacity=" + capacity)
        + ", getters="
        + getters.size()
        + ", putters="
        + putters.size()
        + (shutDown ? ", shut down" : "")
        + "]";
  }
}

package asyncigo.loop.core;

import asyncigo.api.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * The tasks of a loop that are not done, in spawn order: an intrusive doubly-linked list through
 * {@link RealTask#prev}/{@link RealTask#next}, so adding and removing cost O(1) and no hashing
 * (CPython 3.14 moved to the same design). Counts the tasks ever added and removed for the
 * metrics. Loop-confined, except the racy reads of the metrics.
 */
final class TaskList {
  private RealTask<?> head;
  private RealTask<?> tail;
  private int size;
  private long added;
  private long removed;

  void add(RealTask<?> t) {
    t.prev = tail;
    if (tail == null) {
      head = t;
    } else {
      tail.next = t;
    }
    tail = t;
    size++;
    added++;
  }

  void remove(RealTask<?> t) {
    if (t.prev == null && head != t) {
      return;
    }
    if (t.prev == null) {
      head = t.next;
    } else {
      t.prev.next = t.next;
    }
    if (t.next == null) {
      tail = t.prev;
    } else {
      t.next.prev = t.prev;
    }
    t.prev = null;
    t.next = null;
    size--;
    removed++;
  }

  boolean isEmpty() {
    return size == 0;
  }

  int size() {
    return size;
  }

  long added() {
    return added;
  }

  long removed() {
    return removed;
  }

  List<Task<?>> snapshot() {
    List<Task<?>> all = new ArrayList<>(size);
    for (RealTask<?> t = head; t != null; t = t.next) {
      all.add(t);
    }
    return all;
  }
}

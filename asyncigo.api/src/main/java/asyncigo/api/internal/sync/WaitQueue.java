package asyncigo.api.internal.sync;

import asyncigo.api.CancelledException;
import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.Promise;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The tasks waiting on one primitive, oldest first, each parked on a future of its own.
 *
 * <p>A primitive grants something (the lock, a permit, an item, a slot) by taking the oldest live
 * waiter with {@link #pollLive()} and completing its future; the grant is then the waiter's, even
 * before its task resumes. {@link #await} makes the waits cancel-safe: a waiter whose task is
 * cancelled before a grant leaves the queue; one whose grant came first and whose task was then
 * cancelled before it resumed hands the grant to {@code onLostGrant}, which passes it on, and
 * throws {@link CancelledException} like any cancelled waiter.
 */
public final class WaitQueue<V> {
  /*
   * Implementation overview.
   *
   * An intrusive doubly linked list of nodes, so that a cancelled waiter leaves in O(1) and a
   * wait loop that keeps timing out (get() under a timeout on an idle queue) does not make the
   * queue grow.
   *
   * The grant-then-cancel race: Future.await returns a result delivered before the cancellation
   * reached the task (the cancellation takes effect at its next await). A primitive wants the
   * asyncio outcome instead, a cancelled waiter that holds nothing, so await() follows the grant
   * with a cancellation checkpoint: awaiting the now-done future again returns at once, or throws
   * if the task has a pending cancellation that no Task.shielded region holds back.
   *
   * A node leaves the list when it is polled (granted or failed) or when its task resumes after a
   * cancellation. Between the cancellation and that resumption the node is dead: its future was
   * cancelled together with the task, so it can no longer be completed. pollLive() and isEmpty()
   * unlink dead nodes they meet, and size() skips them. Only the primitive completes or fails a
   * live future, so a future pollLive() returns is pending.
   */

  private static final class Node<V> {
    final Promise<V> future;
    Node<V> prev;
    Node<V> next;
    boolean linked;

    Node(Promise<V> future) {
      this.future = future;
    }
  }

  private Node<V> head;
  private Node<V> tail;

  /**
   * Parks the current task of {@code loop} at the end of the queue until a grant; returns the
   * granted value or throws the exception the waiter's future was failed with.
   *
   * @param onLostGrant receives the value granted to this waiter when its task was cancelled
   *     before it resumed; it must pass the grant on
   * @throws CancelledException if the task is cancelled before it resumes with a grant; the queue
   *     is then as if it had never waited
   */
  public V await(Loop loop, Consumer<? super V> onLostGrant) {
    Node<V> node = new Node<>(loop.<V>newFuture());
    link(node);
    V granted;
    try {
      granted = node.future.await();
    } catch (CancelledException e) {
      unlink(node);
      throw e;
    }
    try {
      node.future.await();
    } catch (CancelledException cancelledBeforeResuming) {
      onLostGrant.accept(granted);
      throw cancelledBeforeResuming;
    }
    return granted;
  }

  /**
   * Removes and returns the future of the oldest waiter that still waits, or null if none does.
   * The caller must complete or fail it.
   */
  public Promise<V> pollLive() {
    while (head != null) {
      Node<V> node = head;
      unlink(node);
      if (!node.future.isDone()) {
        return node.future;
      }
    }
    return null;
  }

  /** Completes the oldest live waiter's future with {@code value}; false if none waits. */
  public boolean grant(V value) {
    Promise<V> waiter = pollLive();
    if (waiter == null) {
      return false;
    }
    waiter.complete(value);
    return true;
  }

  /** Completes every live waiter's future with {@code value}, oldest first. */
  public void grantAll(V value) {
    while (grant(value)) {
      // each grant removes one waiter
    }
  }

  /** Fails every live waiter's future with an exception from {@code failure}, oldest first. */
  public void failAll(Supplier<? extends Throwable> failure) {
    for (Promise<V> waiter = pollLive(); waiter != null; waiter = pollLive()) {
      waiter.fail(failure.get());
    }
  }

  /** Whether no live waiter is left. */
  public boolean isEmpty() {
    while (head != null && head.future.isDone()) {
      unlink(head);
    }
    return head == null;
  }

  /** The number of live waiters. */
  public int size() {
    int live = 0;
    for (Node<V> node = head; node != null; node = node.next) {
      if (!node.future.isDone()) {
        live++;
      }
    }
    return live;
  }

  private void link(Node<V> node) {
    node.prev = tail;
    if (tail == null) {
      head = node;
    } else {
      tail.next = node;
    }
    tail = node;
    node.linked = true;
  }

  private void unlink(Node<V> node) {
    if (!node.linked) {
      return;
    }
    if (node.prev == null) {
      head = node.next;
    } else {
      node.prev.next = node.next;
    }
    if (node.next == null) {
      tail = node.prev;
    } else {
      node.next.prev = node.prev;
    }
    node.prev = null;
    node.next = null;
    node.linked = false;
  }
}

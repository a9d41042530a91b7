package asyncigo.loop.core;

import asyncigo.api.CancelledException;
import asyncigo.api.Future.State;
import asyncigo.api.Future;
import asyncigo.api.UncheckedExecutionException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The completion state of one future of the loop, shared by composition: a {@link RealFuture}
 * (a promise) and a {@link RealTask} each hold one.
 *
 * <p>Implementation overview. {@code state} is PENDING until the first {@link #settle}; then
 * {@code value} holds the result (SUCCEEDED) or the Throwable (FAILED; CANCELLED holds the
 * CancelledException to throw). Listeners are kept as {@code first} plus an overflow list,
 * because almost every future has exactly one (the task awaiting it); each is a {@link
 * ReadyEntry} (a task to resume or a {@link DoneCallback}), and settling moves every one, in
 * registration order, to the scheduler's ready queue, so no listener ever runs inside the
 * settling call. {@code state} is written with release semantics after {@code value}, and {@link
 * #state()} reads it with acquire semantics, so any thread that sees the future done also sees
 * its outcome. Everything else is loop-confined; the owners check the thread.
 *
 * @param <T> the result type
 */
final class Completion<T> {
  private static final VarHandle STATE;

  static {
    try {
      STATE = MethodHandles.lookup().findVarHandle(Completion.class, "state", State.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final Scheduler scheduler;
  private State state = State.PENDING;
  private Object value;
  private ReadyEntry first;
  private ArrayList<ReadyEntry> more;
  /** The {@link CompletableFuture} view; set once, by {@link FutureView} only. */
  CompletableFuture<T> view;
  /**
   * Run inside {@link #settle}, after the listeners were queued, each time this completion
   * settles, whoever settles it; null but for a {@link ReadinessFuture}. (The field costs no
   * memory: a completion is 40 bytes with or without it.)
   */
  Runnable onSettled;

  Completion(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  /** The state, for any thread. */
  State state() {
    State s = (State) STATE.getAcquire(this);
    // Null only to a thread that got this future through a data race, before its construction.
    return s == null ? State.PENDING : s;
  }

  /** Whether the future is done; loop-confined (a plain read). */
  boolean isDone() {
    return state != State.PENDING;
  }

  /** Completes the future and queues its listeners; false if it was already done. */
  boolean settle(State outcome, Object result) {
    if (state != State.PENDING) {
      return false;
    }
    value = result;
    STATE.setRelease(this, outcome);
    if (first != null) {
      scheduler.enqueue(first);
      first = null;
      if (more != null) {
        for (ReadyEntry l : more) {
          scheduler.enqueue(l);
        }
        more = null;
      }
    }
    if (onSettled != null) {
      onSettled.run();
    }
    return true;
  }

  /**
   * Makes this done completion pending again, for a future reused for every wait of a stream in
   * one direction ({@link ReadinessFuture}): its listeners were queued when it settled.
   */
  void rearm() {
    value = null;
    view = null;
    STATE.setRelease(this, State.PENDING);
  }

  /** The stored result, failure or cancellation exception, without side effects. */
  Object rawValue() {
    return value;
  }

  /** Registers a listener, or queues it at once if the future is already done. */
  void listen(ReadyEntry listener) {
    if (state != State.PENDING) {
      scheduler.enqueue(listener);
    } else if (first == null) {
      first = listener;
    } else {
      if (more == null) {
        more = new ArrayList<>(2);
      }
      more.add(listener);
    }
  }

  /** Removes a pending listener; true if it was registered. */
  boolean unlisten(ReadyEntry listener) {
    if (first == listener) {
      first = null;
      if (more != null && !more.isEmpty()) {
        first = more.remove(0);
      }
      return true;
    }
    return more != null && more.remove(listener);
  }

  /** Removes every pending done callback of {@code callback}; how many were removed. */
  int removeCallbacks(Consumer<?> callback) {
    int removed = 0;
    while (first instanceof DoneCallback<?> d && d.callback == callback) {
      unlisten(first);
      removed++;
    }
    if (more != null) {
      int before = more.size();
      more.removeIf(l -> l instanceof DoneCallback<?> d && d.callback == callback);
      removed += before - more.size();
    }
    return removed;
  }

  /** The result, or the failure rethrown as {@code Future.await} does. */
  @SuppressWarnings("unchecked")
  T outcome() {
    return switch (state) {
      case SUCCEEDED -> (T) value;
      case FAILED -> throw UncheckedExecutionException.rethrow((Throwable) value);
      case CANCELLED -> throw cancellation();
      case PENDING -> throw new IllegalStateException("future is still pending");
    };
  }

  /** The failure of a future that failed, for {@code Future.exceptionNow}. */
  Throwable failure() {
    if (state != State.FAILED) {
      throw new IllegalStateException("future did not fail: it is " + state);
    }
    return (Throwable) value;
  }

  /** A fresh CancelledException to throw from an await of this cancelled future. */
  CancelledException cancellation() {
    CancelledException stored = (CancelledException) value;
    CancelledException e = new CancelledException(stored.getMessage());
    for (Throwable s : stored.getSuppressed()) {
      e.addSuppressed(s);
    }
    return e;
  }

  /**
   * The shield of {@code owner}, whose completion this is: a new promise that takes this
   * completion's outcome, or {@code owner} itself when it is done.
   */
  Future<T> shield(Future<T> owner) {
    if (isDone()) {
      return owner;
    }
    RealFuture<T> copy = new RealFuture<>(scheduler);
    listen(new DoneCallback<T>(owner, f -> copyTo(copy.completion)));
    return copy;
  }

  /** Copies this (done) future's outcome into {@code target}. */
  private void copyTo(Completion<T> target) {
    target.settle(state, state == State.CANCELLED ? cancellation() : value);
  }

  /** A user callback registered with {@code whenDone}; runs from the ready queue. */
  static final class DoneCallback<T> implements ReadyEntry {
    final Future<T> future;
    final Consumer<? super Future<T>> callback;

    DoneCallback(Future<T> future, Consumer<? super Future<T>> callback) {
      this.future = future;
      this.callback = callback;
    }

    @Override
    public RealTask<?> takeTurn() {
      callback.accept(future);
      return null;
    }

    @Override
    public String toString() {
      return callback.toString();
    }
  }
}

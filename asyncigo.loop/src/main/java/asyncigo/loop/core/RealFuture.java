package asyncigo.loop.core;

import asyncigo.api.CancelledException;
import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.UncheckedExecutionException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The loop's future.
 *
 * <p>Implementation overview. {@code state} is PENDING until the first of complete/fail/cancel;
 * then {@code value} holds the result (SUCCEEDED) or the Throwable (FAILED; CANCELLED holds the
 * CancelledException to throw). Listeners are kept as {@code first} plus an overflow list, because
 * almost every future has exactly one (the task awaiting it). A listener is either a {@link
 * RealTask} to resume or a {@link DoneCallback}; completing the future moves every listener, in
 * registration order, to the scheduler's ready queue, so no listener ever runs inside the
 * completing call. Every method is loop-confined and checked, except {@link #loop()}, {@link
 * #state()} and {@link #toCompletableFuture()}: {@code state} is written with release semantics
 * after {@code value}, and {@link #state()} reads it with acquire semantics, so any thread that
 * sees the future done also sees its outcome (on x86 both are plain memory accesses). {@link
 * FutureView} makes the view.
 */
class RealFuture<T> implements Future<T> {
  private static final VarHandle STATE;

  static {
    try {
      STATE = MethodHandles.lookup().findVarHandle(RealFuture.class, "state", State.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final Scheduler scheduler;
  private State state = State.PENDING;
  private Object value;
  private Object first;
  private ArrayList<Object> more;
  /** The {@link CompletableFuture} view; set once, by {@link FutureView} only. */
  CompletableFuture<T> view;

  RealFuture(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  @Override
  public Loop loop() {
    return scheduler.loop;
  }

  @Override
  public final State state() {
    State s = (State) STATE.getAcquire(this);
    // Null only to a thread that got this future through a data race, before its construction.
    return s == null ? State.PENDING : s;
  }

  @Override
  public T await() {
    return scheduler.await(this);
  }

  @Override
  public boolean complete(T result) {
    scheduler.checkOwner("Future.complete");
    return settle(State.SUCCEEDED, result);
  }

  @Override
  public boolean fail(Throwable failure) {
    if (failure == null) {
      throw new NullPointerException("failure must not be null");
    }
    scheduler.checkOwner("Future.fail");
    return settle(State.FAILED, failure);
  }

  @Override
  public boolean cancel() {
    scheduler.checkOwner("Future.cancel");
    return settle(State.CANCELLED, new StoredCancellation("future was cancelled"));
  }

  /** Completes the future and queues its listeners; false if it was already done. */
  final boolean settle(State outcome, Object result) {
    if (state != State.PENDING) {
      return false;
    }
    value = result;
    STATE.setRelease(this, outcome);
    if (first != null) {
      scheduler.enqueue(first);
      first = null;
      if (more != null) {
        for (Object l : more) {
          scheduler.enqueue(l);
        }
        more = null;
      }
    }
    onSettled();
    return true;
  }

  /**
   * Makes this done future pending again, for a waiter slot that is reused ({@link
   * ReadinessFuture}); its listeners were handed to the ready queue when it settled.
   */
  final void rearm() {
    value = null;
    view = null;
    STATE.setRelease(this, State.PENDING);
  }

  /** The stored result, failure or cancellation exception, without side effects. */
  final Object rawValue() {
    return value;
  }

  /** Hook for tasks: called once, after the outcome is stored. */
  void onSettled() {}

  /** Registers a listener (a task or a DoneCallback), or queues it at once if already done. */
  final void listen(Object listener) {
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
  final boolean unlisten(Object listener) {
    if (first == listener) {
      first = null;
      if (more != null && !more.isEmpty()) {
        first = more.remove(0);
      }
      return true;
    }
    return more != null && more.remove(listener);
  }

  @Override
  public T resultNow() {
    scheduler.checkOwner("Future.resultNow");
    return outcome();
  }

  /** The result, or the failure rethrown as {@link #await()} does. */
  @SuppressWarnings("unchecked")
  final T outcome() {
    markRetrieved();
    return switch (state) {
      case SUCCEEDED -> (T) value;
      case FAILED -> throw UncheckedExecutionException.rethrow((Throwable) value);
      case CANCELLED -> throw cancellation();
      case PENDING -> throw new IllegalStateException("future is still pending");
    };
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

  /** Hook for tasks: the failure has been looked at. */
  void markRetrieved() {}

  @Override
  public Throwable exceptionNow() {
    scheduler.checkOwner("Future.exceptionNow");
    if (state != State.FAILED) {
      throw new IllegalStateException("future did not fail: it is " + state);
    }
    markRetrieved();
    return (Throwable) value;
  }

  @Override
  public Future<T> whenDone(Consumer<? super Future<T>> callback) {
    scheduler.checkOwner("Future.whenDone");
    if (callback == null) {
      throw new NullPointerException("callback must not be null");
    }
    listen(new DoneCallback<>(this, callback));
    return this;
  }

  @Override
  public int removeWhenDone(Consumer<? super Future<T>> callback) {
    scheduler.checkOwner("Future.removeWhenDone");
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

  @Override
  public Future<T> shield() {
    scheduler.checkOwner("Future.shield");
    if (isDone()) {
      return this;
    }
    RealFuture<T> copy = new RealFuture<>(scheduler);
    listen(new DoneCallback<T>(this, f -> ((RealFuture<T>) f).copyTo(copy)));
    return copy;
  }

  /** Copies this (done) future's outcome into {@code target}. */
  final void copyTo(RealFuture<T> target) {
    target.settle(state, state == State.CANCELLED ? cancellation() : value);
  }

  @Override
  public CompletableFuture<T> toCompletableFuture() {
    return FutureView.of(this);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + state + "]";
  }

  /** A user callback registered with {@link #whenDone}; runs from the ready queue. */
  static final class DoneCallback<T> implements Runnable {
    final Future<T> future;
    final Consumer<? super Future<T>> callback;

    DoneCallback(Future<T> future, Consumer<? super Future<T>> callback) {
      this.future = future;
      this.callback = callback;
    }

    @Override
    public void run() {
      callback.accept(future);
    }
  }
}

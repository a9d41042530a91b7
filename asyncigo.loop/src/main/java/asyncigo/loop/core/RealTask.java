package asyncigo.loop.core;

import asyncigo.api.CancelledException;
import asyncigo.api.Coroutine;
import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.Task;
import asyncigo.api.internal.context.ContextSlot;
import asyncigo.api.internal.context.TaskContext;
import asyncigo.loop.jfr.FlightRecording;
import asyncigo.loop.jfr.LoopEvents;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A coroutine running on its own strand (see {@link Engine}), and the future of its result.
 *
 * <p>Implementation overview. The strand is created lazily, when the scheduler first pops the task
 * from the ready queue, so a task cancelled before its first step never gets a thread and never
 * runs its body. While the task is suspended, {@code awaiting} is the future it waits for, or
 * {@code sleepingIn} the timer it sleeps in (both null in {@code yieldNow}). Cancellation is a
 * counter of requests ({@code cancelRequests}); while it is
 * positive and {@code shieldDepth} is 0, every await throws. {@code cancellationThrown} records
 * that a CancelledException reached the body since the requests became pending; it is cleared
 * when {@code uncancel} brings the count back to 0, so it implies {@code cancelRequests > 0}. The
 * result settles when the body exits: cancelled if a cancellation was thrown into the body or the
 * body threw one itself; otherwise the body's value or failure, even with a request pending, so
 * that a value delivered to the task is never discarded. Tasks of a loop form an intrusive
 * doubly-linked list (prev/next), the registry behind {@code Loop.tasks()}. {@code context} holds
 * the task's {@link asyncigo.api.TaskLocal} values (see {@link ContextSlot}). The task is a future
 * (the read side) but not a promise: its {@link Completion} is private and settled only by {@code
 * finish} and {@code cancelUnstarted}. In the ready queue the task is its own {@link ReadyEntry},
 * and it is its strand's {@link Runnable}.
 *
 * <p>Footprint. A million tasks may sleep at once, so a task is kept small: its name is built
 * when asked (from {@code number} unless the spawner gave one), and the state most tasks never
 * use (cancellation requests, shields, task-local context, creation site, failure tracking) is in
 * a {@link TaskSideState} allocated on first use.
 */
final class RealTask<T>
    implements Task<T>, LoopFuture<T>, ReadyEntry, ContextSlot, Runnable {
  private final Completion<T> completion;
  // The name the spawner gave, or null: the name is then "task-" + number, built only when asked.
  private final String givenName;
  private final long number;
  private Coroutine<T> body;
  // The engine's strand of this task (null until its first step) and what the engine keeps with it.
  Object strand;
  Object strandToken;
  LoopFuture<?> awaiting;
  /** The timer this task sleeps in ({@code Loop.sleep} parks the task there, without a future). */
  TimerHandle sleepingIn;
  RealTask<?> prev;
  RealTask<?> next;
  // The task that spawned this one (null: a main task, or spawned by a callback), for the task
  // tree of dumpTasks; dropped when this task is done, so a done task keeps no chain alive.
  RealTask<?> spawner;
  private TaskSideState side;

  /**
   * A task named {@code name}, or, when it is null, "task-" + {@code number}; {@code
   * creationSite} is null outside debug mode.
   */
  RealTask(
      Scheduler scheduler,
      String name,
      long number,
      Coroutine<T> body,
      StackTraceElement[] creationSite,
      TaskContext context) {
    this.completion = new Completion<>(scheduler);
    this.givenName = name;
    this.number = number;
    this.body = body;
    if (creationSite != null || context != TaskContext.EMPTY) {
      side = new TaskSideState();
      side.creationSite = creationSite;
      side.context = context;
    }
  }

  private Scheduler scheduler() {
    return completion.scheduler;
  }

  /** The rarely used state, allocated now if the task had none. */
  private TaskSideState side() {
    TaskSideState s = side;
    if (s == null) {
      s = new TaskSideState();
      side = s;
    }
    return s;
  }

  /** Cancellation requests not withdrawn (see {@link #cancelling()}), without the thread check. */
  int cancelRequests() {
    TaskSideState s = side;
    return s == null ? 0 : s.cancelRequests;
  }

  /** The creation site, or null; for the failure reporter. */
  StackTraceElement[] creationSiteOrNull() {
    TaskSideState s = side;
    return s == null ? null : s.creationSite;
  }

  @Override
  public String name() {
    return givenName != null ? givenName : "task-" + number;
  }

  /**
   * The name for this task's thread strand: its given name, or, for a task named by number, its
   * built name only in debug mode or during a flight recording (where thread names are shown),
   * else empty, so that a plain task carries no name string. Messages that name a thread name an
   * unnamed strand by its task (see {@link Scheduler#nameOf}).
   */
  String strandName() {
    if (givenName != null) {
      return givenName;
    }
    return scheduler().failures.debug() || FlightRecording.active() ? name() : "";
  }

  @Override
  public Completion<T> completion() {
    return completion;
  }

  @Override
  public Loop loop() {
    return scheduler().loop;
  }

  @Override
  public State state() {
    return completion.state();
  }

  @Override
  public T await() {
    return scheduler().await(this);
  }

  /** The scheduler reached this task in the ready queue: resume it, unless it never started. */
  @Override
  public RealTask<?> takeTurn() {
    if (strand == null && cancelRequests() > 0) {
      cancelUnstarted();
      return null;
    }
    return this;
  }

  /**
   * The strand's body: waits for the baton, runs the body, settles the task, passes the baton on.
   * The body is called from here directly, the shallowest stack a suspended task can have.
   */
  @Override
  public void run() {
    Scheduler scheduler = scheduler();
    scheduler.strandStarts(this);
    TaskContext context = context();
    if (context.hasMirrors()) {
      context.applyMirrors();
    }
    Coroutine<T> b = body;
    body = null;
    T result = null;
    Throwable failure = null;
    try {
      result = b.call();
    } catch (Throwable t) {
      failure = t;
    }
    finish(result, failure);
    scheduler.strandEnds(this);
  }

  private void finish(T result, Throwable failure) {
    if ((side != null && side.cancellationThrown) || failure instanceof CancellationException) {
      CancelledException c = new StoredCancellation("task " + name() + " was cancelled");
      if (failure != null && !(failure instanceof CancellationException)) {
        c.addSuppressed(failure);
      }
      settle(State.CANCELLED, c);
    } else if (failure != null) {
      settle(State.FAILED, failure);
    } else {
      settle(State.SUCCEEDED, result);
    }
  }

  /** Settles a task that was cancelled before its first step; its body never runs. */
  void cancelUnstarted() {
    body = null;
    settle(State.CANCELLED, new StoredCancellation("task " + name() + " was cancelled"));
  }

  boolean started() {
    return body == null;
  }

  /** Settles the task's completion, then unregisters and reports it. */
  private void settle(State outcome, Object value) {
    if (completion.settle(outcome, value)) {
      onSettled();
    }
  }

  private void onSettled() {
    Scheduler scheduler = scheduler();
    scheduler.tasks.remove(this);
    spawner = null;
    if (FlightRecording.active()) {
      LoopEvents.taskFinished(
          scheduler().loop.id,
          name(),
          state().name(),
          state() == State.FAILED ? (Throwable) completion.rawValue() : null);
    }
    if (state() == State.FAILED) {
      scheduler.failures.taskFailed(this, (Throwable) completion.rawValue());
    }
  }

  @Override
  public void markRetrieved() {
    if (state() == State.FAILED && !side().failureRetrieved) {
      side.failureRetrieved = true;
      scheduler().failures.retrieved(this);
    }
  }

  /** Records the reporter's watch over this task's unretrieved failure. */
  void failureWatch(FailureReporter.Watch watch) {
    side().failureWatch = watch;
  }

  /** The reporter's watch over this task's unretrieved failure, or null. */
  FailureReporter.Watch failureWatch() {
    return side == null ? null : side.failureWatch;
  }

  @Override
  public boolean cancel() {
    Scheduler scheduler = scheduler();
    scheduler().checkOwner("Task.cancel");
    if (isDone()) {
      return false;
    }
    TaskSideState s = side();
    s.cancelRequests++;
    if (s.shieldDepth == 0) {
      if (awaiting != null) {
        awaiting.cancel();
      } else if (sleepingIn != null) {
        if (sleepingIn.cancel()) {
          scheduler.enqueue(this);
        }
        sleepingIn = null;
      }
    }
    return true;
  }

  @Override
  public int cancelling() {
    scheduler().checkOwner("Task.cancelling");
    return cancelRequests();
  }

  @Override
  public int uncancel() {
    scheduler().checkOwner("Task.uncancel");
    TaskSideState s = side;
    if (s == null) {
      return 0;
    }
    if (s.cancelRequests > 0 && --s.cancelRequests == 0) {
      s.cancellationThrown = false;
    }
    return s.cancelRequests;
  }

  /** Whether a pending cancellation is not held back by a shield: an await must throw. */
  private boolean cancellationDue() {
    TaskSideState s = side;
    return s != null && s.cancelRequests > 0 && s.shieldDepth == 0;
  }

  /** Throws if the task has a pending cancellation that is not held back by a shield. */
  void checkCancelled() {
    if (cancellationDue()) {
      side.cancellationThrown = true;
      throw new CancelledException("task " + name() + " was cancelled");
    }
  }

  /**
   * Called when an await of this task is about to throw the cancellation of the future it
   * awaited: with a request pending and no shield, that is this task's cancellation reaching it.
   */
  void awaitedFutureCancelled() {
    if (cancellationDue()) {
      side.cancellationThrown = true;
    }
  }

  @Override
  public <R> R shielded(Coroutine<R> block) {
    Scheduler scheduler = scheduler();
    scheduler().checkOwner("Task.shielded");
    if (scheduler.runningTask() != this) {
      throw new IllegalStateException("shielded() must be called by task " + name() + " itself");
    }
    TaskSideState s = side();
    s.shieldDepth++;
    try {
      return block.call();
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Exception e) {
      throw new asyncigo.api.UncheckedExecutionException(e);
    } finally {
      s.shieldDepth--;
    }
  }

  @Override
  public TaskContext context() {
    TaskSideState s = side;
    return s == null ? TaskContext.EMPTY : s.context;
  }

  @Override
  public void context(TaskContext context) {
    if (side != null || context != TaskContext.EMPTY) {
      side().context = context;
    }
  }

  @Override
  public Optional<Future<?>> awaiting() {
    scheduler().checkOwner("Task.awaiting");
    return Optional.ofNullable(awaiting);
  }

  @Override
  public List<StackTraceElement> stack() {
    scheduler().checkOwner("Task.stack");
    return strand == null || isDone() ? List.of() : TaskDump.trim(scheduler().stackOf(this));
  }

  @Override
  public List<StackTraceElement> creationSite() {
    StackTraceElement[] site = creationSiteOrNull();
    return site == null ? List.of() : List.of(site);
  }

  @Override
  public T resultNow() {
    scheduler().checkOwner("Future.resultNow");
    markRetrieved();
    return completion.outcome();
  }

  @Override
  public Throwable exceptionNow() {
    scheduler().checkOwner("Future.exceptionNow");
    Throwable failure = completion.failure();
    markRetrieved();
    return failure;
  }

  @Override
  public Future<T> whenDone(Consumer<? super Future<T>> callback) {
    scheduler().checkOwner("Future.whenDone");
    if (callback == null) {
      throw new NullPointerException("callback must not be null");
    }
    completion.listen(new Completion.DoneCallback<>(this, callback));
    return this;
  }

  @Override
  public int removeWhenDone(Consumer<? super Future<T>> callback) {
    scheduler().checkOwner("Future.removeWhenDone");
    return completion.removeCallbacks(callback);
  }

  @Override
  public Future<T> shield() {
    scheduler().checkOwner("Future.shield");
    return completion.shield(this);
  }

  @Override
  public CompletableFuture<T> toCompletableFuture() {
    return FutureView.of(this);
  }

  @Override
  public String toString() {
    return "Task[" + name() + ", " + state() + "]";
  }
}

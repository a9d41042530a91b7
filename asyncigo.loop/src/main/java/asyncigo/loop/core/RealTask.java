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
 * A coroutine running on its own strand (a virtual thread), and the future of its result.
 *
 * <p>Implementation overview. The strand is created lazily, when the scheduler first pops the task
 * from the ready queue, so a task cancelled before its first step never gets a thread and never
 * runs its body. While the task is suspended, {@code awaiting} is the future it waits for (null in
 * {@code yieldNow}). Cancellation is a counter of requests ({@code cancelRequests}); while it is
 * positive and {@code shieldDepth} is 0, every await throws. {@code cancellationThrown} records
 * that a CancelledException reached the body since the requests became pending; it is cleared
 * when {@code uncancel} brings the count back to 0, so it implies {@code cancelRequests > 0}. The
 * result settles when the body exits: cancelled if a cancellation was thrown into the body or the
 * body threw one itself; otherwise the body's value or failure, even with a request pending, so
 * that a value delivered to the task is never discarded. Tasks of a loop form an intrusive
 * doubly-linked list (prev/next), the registry behind {@code Loop.tasks()}. {@code context} holds
 * the task's {@link asyncigo.api.TaskLocal} values (see {@link ContextSlot}). The task is a future
 * (the read side) but not a promise: its {@link Completion} is private and settled only by {@code
 * finish} and {@code cancelUnstarted}. In the ready queue the task is its own {@link ReadyEntry}.
 */
final class RealTask<T> implements Task<T>, LoopFuture<T>, ReadyEntry, ContextSlot {
  final Scheduler scheduler;
  private final Completion<T> completion;
  private final String name;
  private Coroutine<T> body;
  final StackTraceElement[] creationSite;
  Thread thread;
  Object strandToken;
  LoopFuture<?> awaiting;
  int cancelRequests;
  private boolean cancellationThrown;
  int shieldDepth;
  private boolean failureRetrieved;
  FailureReporter.Watch failureWatch;
  RealTask<?> prev;
  RealTask<?> next;
  private TaskContext context;
  // The task that spawned this one (null: a main task, or spawned by a callback), for the task
  // tree of dumpTasks; dropped when this task is done, so a done task keeps no chain alive.
  RealTask<?> spawner;

  RealTask(
      Scheduler scheduler,
      String name,
      Coroutine<T> body,
      StackTraceElement[] creationSite,
      TaskContext context) {
    this.scheduler = scheduler;
    this.completion = new Completion<>(scheduler);
    this.name = name;
    this.body = body;
    this.creationSite = creationSite;
    this.context = context;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Completion<T> completion() {
    return completion;
  }

  @Override
  public Loop loop() {
    return scheduler.loop;
  }

  @Override
  public State state() {
    return completion.state();
  }

  @Override
  public T await() {
    return scheduler.await(this);
  }

  /** The scheduler reached this task in the ready queue: resume it, unless it never started. */
  @Override
  public RealTask<?> takeTurn() {
    if (thread == null && cancelRequests > 0) {
      cancelUnstarted();
      return null;
    }
    return this;
  }

  /** Runs the body on this task's strand and settles the result. Called once, by the strand. */
  void runBody() {
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
  }

  private void finish(T result, Throwable failure) {
    if (cancellationThrown || failure instanceof CancellationException) {
      CancelledException c = new StoredCancellation("task " + name + " was cancelled");
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
    settle(State.CANCELLED, new StoredCancellation("task " + name + " was cancelled"));
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
    scheduler.tasks.remove(this);
    spawner = null;
    if (FlightRecording.active()) {
      LoopEvents.taskFinished(
          scheduler.loop.id,
          name,
          state().name(),
          state() == State.FAILED ? (Throwable) completion.rawValue() : null);
    }
    if (state() == State.FAILED) {
      scheduler.failures.taskFailed(this, (Throwable) completion.rawValue());
    }
  }

  @Override
  public void markRetrieved() {
    if (!failureRetrieved && state() == State.FAILED) {
      failureRetrieved = true;
      scheduler.failures.retrieved(this);
    }
  }

  @Override
  public boolean cancel() {
    scheduler.checkOwner("Task.cancel");
    if (isDone()) {
      return false;
    }
    cancelRequests++;
    if (awaiting != null && shieldDepth == 0) {
      awaiting.cancel();
    }
    return true;
  }

  @Override
  public int cancelling() {
    scheduler.checkOwner("Task.cancelling");
    return cancelRequests;
  }

  @Override
  public int uncancel() {
    scheduler.checkOwner("Task.uncancel");
    if (cancelRequests > 0 && --cancelRequests == 0) {
      cancellationThrown = false;
    }
    return cancelRequests;
  }

  /** Whether a pending cancellation is not held back by a shield: an await must throw. */
  private boolean cancellationDue() {
    return cancelRequests > 0 && shieldDepth == 0;
  }

  /** Throws if the task has a pending cancellation that is not held back by a shield. */
  void checkCancelled() {
    if (cancellationDue()) {
      cancellationThrown = true;
      throw new CancelledException("task " + name + " was cancelled");
    }
  }

  /**
   * Called when an await of this task is about to throw the cancellation of the future it
   * awaited: with a request pending and no shield, that is this task's cancellation reaching it.
   */
  void awaitedFutureCancelled() {
    if (cancellationDue()) {
      cancellationThrown = true;
    }
  }

  @Override
  public <R> R shielded(Coroutine<R> block) {
    scheduler.checkOwner("Task.shielded");
    if (scheduler.runningTask() != this) {
      throw new IllegalStateException("shielded() must be called by task " + name + " itself");
    }
    shieldDepth++;
    try {
      return block.call();
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Exception e) {
      throw new asyncigo.api.UncheckedExecutionException(e);
    } finally {
      shieldDepth--;
    }
  }

  @Override
  public TaskContext context() {
    return context;
  }

  @Override
  public void context(TaskContext context) {
    this.context = context;
  }

  @Override
  public Optional<Future<?>> awaiting() {
    scheduler.checkOwner("Task.awaiting");
    return Optional.ofNullable(awaiting);
  }

  @Override
  public List<StackTraceElement> stack() {
    scheduler.checkOwner("Task.stack");
    Thread t = thread;
    if (t == null || isDone()) {
      return List.of();
    }
    StackTraceElement[] frames = t.getStackTrace();
    int from = 0;
    int to = frames.length;
    while (from < to && isMachinery(frames[from])) {
      from++;
    }
    while (to > from && isMachinery(frames[to - 1])) {
      to--;
    }
    return List.of(frames).subList(from, to);
  }

  /** Frames of the JDK's parking and of this engine, which say nothing about the task's code. */
  private static boolean isMachinery(StackTraceElement e) {
    String c = e.getClassName();
    return c.equals("java.lang.Thread")
        || c.equals("java.lang.VirtualThread")
        || c.equals("java.lang.System$1")
        || c.equals("java.util.concurrent.locks.LockSupport")
        || c.startsWith(Scheduler.class.getName())
        || c.equals(RealFuture.class.getName())
        || c.equals(Completion.class.getName())
        || c.equals(RealTask.class.getName())
        || c.equals(RealLoop.class.getName())
        || c.equals(TaskDump.class.getName());
  }

  @Override
  public List<StackTraceElement> creationSite() {
    return creationSite == null ? List.of() : List.of(creationSite);
  }

  @Override
  public T resultNow() {
    scheduler.checkOwner("Future.resultNow");
    markRetrieved();
    return completion.outcome();
  }

  @Override
  public Throwable exceptionNow() {
    scheduler.checkOwner("Future.exceptionNow");
    Throwable failure = completion.failure();
    markRetrieved();
    return failure;
  }

  @Override
  public Future<T> whenDone(Consumer<? super Future<T>> callback) {
    scheduler.checkOwner("Future.whenDone");
    if (callback == null) {
      throw new NullPointerException("callback must not be null");
    }
    completion.listen(new Completion.DoneCallback<>(this, callback));
    return this;
  }

  @Override
  public int removeWhenDone(Consumer<? super Future<T>> callback) {
    scheduler.checkOwner("Future.removeWhenDone");
    return completion.removeCallbacks(callback);
  }

  @Override
  public Future<T> shield() {
    scheduler.checkOwner("Future.shield");
    return completion.shield(this);
  }

  @Override
  public CompletableFuture<T> toCompletableFuture() {
    return FutureView.of(this);
  }

  @Override
  public String toString() {
    return "Task[" + name + ", " + state() + "]";
  }
}

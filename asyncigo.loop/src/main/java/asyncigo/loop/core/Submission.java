package asyncigo.loop.core;

import asyncigo.api.Coroutine;
import asyncigo.api.Future;
import asyncigo.api.Promise;
import asyncigo.api.Task;
import asyncigo.api.UncheckedExecutionException;

/**
 * {@link asyncigo.api.Loop#submit}: a coroutine run as a task of one loop (the target) for a task
 * or callback of another (the caller), whose outcome comes back as a future of the caller.
 *
 * <p>Three hand-offs, each through {@code callSoonThreadsafe}, so each loop's objects are only
 * touched on its own thread: the start (caller to target), the outcome (target to caller: the
 * result, the failure itself, or a cancellation) and a cancellation of the caller's future
 * (caller to target: it cancels the task, or keeps it from starting). {@code task} and {@code
 * cancelled} are confined to the target, {@code result} to the caller.
 *
 * <p>When the caller's loop has closed before the outcome arrives, nobody can see it: a failure
 * is then rethrown in the target's callback, so it reaches the target's exception handler. When
 * the target closes before the task started, the caller's future stays pending until the caller
 * cancels it (its own loop's {@code run} does at its end).
 */
final class Submission<T> {
  private final RealLoop target;
  private final RealLoop caller;
  private final Coroutine<T> body;
  private final Promise<T> result;
  private Task<T> task;
  private boolean cancelled;

  private Submission(RealLoop target, RealLoop caller, Coroutine<T> body) {
    this.target = target;
    this.caller = caller;
    this.body = body;
    this.result = caller.newFuture();
  }

  /** See {@link asyncigo.api.Loop#submit}. */
  static <T> Future<T> submit(RealLoop target, Coroutine<T> body) {
    if (body == null) {
      throw new NullPointerException("task body must not be null");
    }
    Scheduler calling = Scheduler.current();
    if (calling == null) {
      throw new IllegalStateException(
          "Loop.submit: call it from a task or callback of a running loop, whose future it"
              + " returns, not from thread " + Thread.currentThread().getName()
              + "; from other threads hand work to a loop with callSoonThreadsafe");
    }
    if (calling.loop == target) {
      return target.spawn(body);
    }
    if (target.isClosed()) {
      throw new IllegalStateException("Loop.submit: the target loop is closed");
    }
    Submission<T> submission = new Submission<>(target, calling.loop, body);
    target.callSoonThreadsafe(submission::start);
    submission.result.whenDone(submission::callerDone);
    return submission.result;
  }

  /** On the target: spawns the task, unless the caller cancelled first. */
  private void start() {
    if (!cancelled) {
      task = target.spawn(body);
      task.whenDone(this::taskDone);
    }
  }

  /** On the target: hands the task's outcome to the caller. */
  private void taskDone(Future<T> done) {
    Runnable deliver;
    Throwable failure = null;
    switch (done.state()) {
      case SUCCEEDED -> {
        T value = done.resultNow();
        deliver = () -> result.complete(value);
      }
      case FAILED -> {
        Throwable e = done.exceptionNow();
        failure = e;
        deliver = () -> result.fail(e);
      }
      default -> deliver = result::cancel;
    }
    try {
      caller.callSoonThreadsafe(deliver);
    } catch (IllegalStateException callerClosed) {
      if (failure != null) {
        throw UncheckedExecutionException.rethrow(failure);
      }
    }
  }

  /** On the caller: a cancelled future cancels the task (or keeps it from starting). */
  private void callerDone(Future<T> done) {
    if (!done.isCancelled()) {
      return;
    }
    try {
      target.callSoonThreadsafe(this::cancelTask);
    } catch (IllegalStateException targetClosed) {
      // The target closed: its tasks were cancelled and ended with it.
    }
  }

  /** On the target. */
  private void cancelTask() {
    cancelled = true;
    if (task != null) {
      task.cancel();
    }
  }
}

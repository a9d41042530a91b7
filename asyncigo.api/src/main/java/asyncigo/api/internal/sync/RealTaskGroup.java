package asyncigo.api.internal.sync;

import asyncigo.api.Async;
import asyncigo.api.CancelledException;
import asyncigo.api.Coroutine;
import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.Promise;
import asyncigo.api.Task;
import asyncigo.api.UncheckedExecutionException;
import asyncigo.api.sync.TaskGroup;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The {@link TaskGroup} of one {@link TaskGroup#scope} call. */
public final class RealTaskGroup implements TaskGroup {
  /*
   * Implementation overview (asyncio 3.12+ taskgroups.py, on level-triggered cancellation).
   *
   * The body runs in the owner task; `children` holds the group's tasks that are not done, in
   * spawn order (a done callback removes them). Phases: the body runs, then the owner waits for
   * the children (`exiting`), then the group is `finished`.
   *
   * `aborting` turns true at the first failure, at cancel(), or when the owner's wait is
   * cancelled: every child is cancelled once and spawn() refuses new ones. While the body runs, a
   * child failure or cancel() also interrupts the body with owner.cancel(), at most once
   * (`cancelledOwner`); the group withdraws that request with uncancel() when it finishes, so the
   * owner's cancelling() count is the same after the scope as before. A request the group did not
   * make is an outside cancellation: the group never withdraws it, and it keeps the owner
   * cancelled.
   *
   * Waiting for the children: before aborting, the owner awaits `allDone` normally, so an outside
   * cancellation interrupts the wait and aborts the group. Once aborting, every child has been
   * cancelled, and the owner waits inside Task.shielded: with level-triggered cancellation any
   * plain await of a cancelled owner would throw at once.
   *
   * Outcome, in this order: the first failure (others suppressed); else a cancellation the owner
   * observed (the body's CancelledException or the interrupted wait), unless it was only the
   * group's own request; else the body's result (null if the group's cancellation cut it short).
   */

  private final Loop loop;
  private final Task<?> owner;
  private final Set<Task<?>> children = new LinkedHashSet<>();
  private final List<Throwable> failures = new ArrayList<>();
  private Promise<Void> allDone;
  private boolean exiting;
  private boolean finished;
  private boolean aborting;
  private boolean cancelledOwner;

  private RealTaskGroup(Task<?> owner) {
    this.owner = owner;
    this.loop = owner.loop();
  }

  /** {@link TaskGroup#scope}. */
  public static <T> T scope(TaskGroup.Body<T> body) {
    Objects.requireNonNull(body, "body");
    return new RealTaskGroup(Async.currentTask()).run(body);
  }

  private <T> T run(TaskGroup.Body<T> body) {
    T result = null;
    Throwable bodyFailure = null;
    try {
      result = body.run(this);
    } catch (Throwable t) {
      bodyFailure = t;
    }
    exiting = true;
    CancelledException observed = null;
    if (bodyFailure instanceof CancelledException cancelled) {
      observed = cancelled;
    } else if (bodyFailure != null) {
      record(bodyFailure);
    }
    if (bodyFailure != null) {
      abort();
    }
    CancelledException waitInterrupted = awaitChildren();
    if (observed == null) {
      observed = waitInterrupted;
    }
    finished = true;
    if (cancelledOwner) {
      owner.uncancel();
    }
    if (!failures.isEmpty()) {
      throw firstFailure();
    }
    if (observed != null && (!cancelledOwner || owner.cancelling() > 0)) {
      throw observed;
    }
    return bodyFailure == null ? result : null;
  }

  /** Waits until no child is left; returns the cancellation that interrupted the wait, if any. */
  private CancelledException awaitChildren() {
    CancelledException interrupted = null;
    while (!children.isEmpty()) {
      Promise<Void> gate = loop.newFuture();
      allDone = gate;
      if (aborting) {
        owner.shielded(gate::await);
      } else {
        try {
          gate.await();
        } catch (CancelledException e) {
          interrupted = e;
          abort();
        }
      }
    }
    allDone = null;
    return interrupted;
  }

  @Override
  public <T> Task<T> spawn(Coroutine<T> body) {
    return spawn(null, body);
  }

  @Override
  public <T> Task<T> spawn(String name, Coroutine<T> body) {
    loop.checkLoopThread("TaskGroup.spawn");
    Objects.requireNonNull(body, "body");
    if (finished) {
      throw new IllegalStateException("spawn() on a task group that has finished");
    }
    if (aborting) {
      throw new IllegalStateException(
          "spawn() on a task group that is shutting down after a failure or cancellation");
    }
    Task<T> task = name == null ? loop.spawn(body) : loop.spawn(name, body);
    children.add(task);
    task.whenDone(done -> childDone(task));
    return task;
  }

  @Override
  public void cancel() {
    loop.checkLoopThread("TaskGroup.cancel");
    if (!finished) {
      abort();
      interruptBody();
    }
  }

  private void childDone(Task<?> child) {
    children.remove(child);
    if (children.isEmpty() && allDone != null) {
      allDone.complete(null);
    }
    if (child.state() != Future.State.FAILED) {
      return;
    }
    record(child.exceptionNow());
    if (!aborting) {
      abort();
      interruptBody();
    }
  }

  private void abort() {
    if (!aborting) {
      aborting = true;
      for (Task<?> child : List.copyOf(children)) {
        child.cancel();
      }
    }
  }

  private void interruptBody() {
    if (!exiting && !cancelledOwner) {
      cancelledOwner = true;
      owner.cancel();
    }
  }

  /** Adds a failure unless it is one already recorded (or its checked cause, wrapped). */
  private void record(Throwable failure) {
    for (Throwable known : failures) {
      if (unwrap(known) == unwrap(failure)) {
        return;
      }
    }
    failures.add(failure);
  }

  private static Throwable unwrap(Throwable t) {
    return t instanceof UncheckedExecutionException && t.getCause() != null ? t.getCause() : t;
  }

  private RuntimeException firstFailure() {
    Throwable first = failures.get(0);
    Throwable thrown =
        first instanceof RuntimeException || first instanceof Error
            ? first
            : new UncheckedExecutionException(first);
    for (Throwable later : failures.subList(1, failures.size())) {
      thrown.addSuppressed(later);
    }
    return UncheckedExecutionException.rethrow(thrown);
  }

  @Override
  public String toString() {
    return "TaskGroup[owner="
        + owner.name()
        + ", tasks="
        + children.size()
        + (aborting ? ", aborting" : "")
        + (finished ? ", finished" : "")
        + "]";
  }
}

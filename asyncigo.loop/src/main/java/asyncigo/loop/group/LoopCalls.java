package asyncigo.loop.group;

import asyncigo.api.CancelledException;
import asyncigo.api.Coroutine;
import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.Task;
import asyncigo.api.UncheckedExecutionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * Runs coroutines as tasks of a group's loops and waits for them wherever the caller is: a task
 * (of any loop) suspends, through {@link Loop#submit}; a thread that runs no loop blocks. A
 * callback can do neither and gets an {@link IllegalStateException}. Thread-safe.
 */
final class LoopCalls {
  private LoopCalls() {}

  /** One started call: its outcome, awaited or blocked on. */
  private interface Pending<T> {
    T await();

    void cancel();
  }

  /** Runs {@code body} on {@code loop} and waits for its result; see {@link #onEach}. */
  static <T> T on(String what, Loop loop, Coroutine<T> body) {
    return onEach(what, List.of(loop), l -> body, false).get(0);
  }

  /**
   * Runs {@code body.apply(loop)} as a task of each loop, all at once, and waits until every one
   * is done: returns their results in order, or throws the first failure with the later ones
   * suppressed in it. A cancellation of the waiting task cancels the tasks still running and is
   * rethrown. With {@code skipClosed} a loop that is closed is left out (its result is null);
   * without, it throws {@link IllegalStateException} and cancels what was started.
   */
  static <T> List<T> onEach(
      String what, List<? extends Loop> loops, Function<Loop, Coroutine<T>> body,
      boolean skipClosed) {
    Optional<Loop> caller = Loop.running();
    if (caller.isPresent() && caller.get().currentTask().isEmpty()) {
      throw new IllegalStateException(
          what + ": call it from a task or from a thread that runs no loop, not from a callback:"
              + " it waits for the group's loops");
    }
    List<Pending<T>> started = new ArrayList<>();
    for (Loop loop : loops) {
      try {
        Coroutine<T> coroutine = body.apply(loop);
        started.add(
            caller.isPresent()
                ? submitted(loop, coroutine)
                : new Blocking<>(loop, null, coroutine));
      } catch (IllegalStateException closed) {
        if (!skipClosed) {
          started.forEach(p -> p.cancel());
          throw closed;
        }
        started.add(null);
      }
    }
    List<T> results = new ArrayList<>();
    RuntimeException failure = null;
    for (Pending<T> pending : started) {
      T result = null;
      try {
        result = pending == null ? null : pending.await();
      } catch (CancelledException e) {
        started.forEach(p -> p.cancel());
        throw e;
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
      results.add(result);
    }
    if (failure != null) {
      throw failure;
    }
    return results;
  }

  /**
   * From a thread that runs no loop: runs {@code body} as a task named {@code name} (null: the
   * loop's default name) of {@code loop} and blocks until it is done; its result, or its failure
   * rethrown as {@link Future#resultNow()} does.
   *
   * @throws IllegalStateException if the loop is closed
   */
  static <T> T block(Loop loop, String name, Coroutine<T> body) {
    return new Blocking<>(loop, name, body).await();
  }

  private static <T> Pending<T> submitted(Loop loop, Coroutine<T> body) {
    Future<T> future = loop.submit(body);
    return new Pending<>() {
      @Override
      public T await() {
        return future.await();
      }

      @Override
      public void cancel() {
        future.cancel();
      }
    };
  }

  /** A task started from a thread that runs no loop, which blocks until it is done. */
  private static final class Blocking<T> implements Pending<T> {
    private final Loop loop;
    private final CompletableFuture<T> outcome = new CompletableFuture<>();
    private Task<T> task; // confined to the loop

    Blocking(Loop loop, String name, Coroutine<T> body) {
      this.loop = loop;
      loop.callSoonThreadsafe(
          () -> {
            task = name == null ? loop.spawn(body) : loop.spawn(name, body);
            task.whenDone(done -> deliver(done, outcome));
          });
    }

    @Override
    public T await() {
      try {
        return outcome.join();
      } catch (CompletionException e) {
        throw UncheckedExecutionException.rethrow(e.getCause());
      }
    }

    @Override
    public void cancel() {
      try {
        loop.callSoonThreadsafe(() -> task.cancel());
      } catch (IllegalStateException loopClosed) {
        // Its tasks ended with it.
      }
    }
  }

  /** On the loop: the task's outcome, as {@link Future#resultNow()} gives it, to the thread. */
  private static <T> void deliver(Future<T> done, CompletableFuture<T> outcome) {
    try {
      outcome.complete(done.resultNow());
    } catch (RuntimeException e) {
      outcome.completeExceptionally(e);
    }
  }
}

package asyncigo.api.internal;

import asyncigo.api.CancelledException;
import asyncigo.api.Coroutine;
import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.Promise;
import asyncigo.api.Task;
import asyncigo.api.WaitMode;
import asyncigo.api.Waited;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code await(mode, ...)}, {@code gather} and {@code firstSuccess}, built on the public future
 * API only. Each registers done callbacks on its inputs and awaits one internal future.
 */
public final class FutureCombinators {
  private FutureCombinators() {}

  /** The exception a done future ended with, or null if it succeeded. */
  static Throwable failureOf(Future<?> f) {
    return switch (f.state()) {
      case FAILED -> f.exceptionNow();
      case CANCELLED -> new CancelledException("future was cancelled");
      default -> null;
    };
  }

  public static Waited await(WaitMode mode, List<? extends Future<?>> futures) {
    Loop loop = Loop.current();
    List<Throwable> failures = new ArrayList<>();
    int[] pending = {0};
    boolean[] failed = {false};
    for (Future<?> f : futures) {
      if (f.isDone()) {
        Throwable t = failureOf(f);
        if (t != null) {
          failures.add(t);
          failed[0] |= f.state() == Future.State.FAILED;
        }
      } else {
        pending[0]++;
      }
    }
    if (!satisfied(mode, futures.size(), pending[0], failed[0])) {
      Promise<Void> gate = loop.newFuture();
      Consumer<Future<?>> onDone =
          f -> {
            pending[0]--;
            Throwable t = failureOf(f);
            if (t != null) {
              failures.add(t);
              failed[0] |= f.state() == Future.State.FAILED;
            }
            if (satisfied(mode, futures.size(), pending[0], failed[0])) {
              gate.complete(null);
            }
          };
      List<Future<?>> registered = new ArrayList<>();
      for (Future<?> f : futures) {
        if (!f.isDone()) {
          whenDone(f, onDone);
          registered.add(f);
        }
      }
      try {
        gate.await();
      } finally {
        for (Future<?> f : registered) {
          removeWhenDone(f, onDone);
        }
      }
    }
    List<Future<?>> done = new ArrayList<>();
    List<Future<?>> notDone = new ArrayList<>();
    for (Future<?> f : futures) {
      (f.isDone() ? done : notDone).add(f);
    }
    return new Waited(done, notDone, failures);
  }

  private static boolean satisfied(WaitMode mode, int total, int pending, boolean failed) {
    return switch (mode) {
      case ALL_COMPLETED -> pending == 0;
      case FIRST_COMPLETED -> pending < total || total == 0;
      case FIRST_EXCEPTION -> pending == 0 || failed;
    };
  }

  @SuppressWarnings("unchecked")
  private static <T> void whenDone(Future<T> f, Consumer<Future<?>> callback) {
    f.whenDone((Consumer<? super Future<T>>) (Consumer<?>) callback);
  }

  @SuppressWarnings("unchecked")
  private static <T> void removeWhenDone(Future<T> f, Consumer<Future<?>> callback) {
    f.removeWhenDone((Consumer<? super Future<T>>) (Consumer<?>) callback);
  }

  public static <T> List<T> gather(List<? extends Future<? extends T>> futures) {
    Loop loop = Loop.current();
    if (futures.isEmpty()) {
      return List.of();
    }
    Promise<List<T>> all = loop.newFuture();
    int[] remaining = {futures.size()};
    Consumer<Future<?>> onDone =
        f -> {
          if (all.isDone()) {
            return;
          }
          Throwable t = failureOf(f);
          if (t != null) {
            all.fail(t);
          } else if (--remaining[0] == 0) {
            List<T> results = new ArrayList<>(futures.size());
            for (Future<? extends T> each : futures) {
              results.add(each.resultNow());
            }
            all.complete(results);
          }
        };
    for (Future<? extends T> f : futures) {
      whenDone(f, onDone);
    }
    try {
      return all.await();
    } catch (CancelledException e) {
      if (all.isCancelled()) {
        for (Future<? extends T> f : futures) {
          f.cancel();
        }
      }
      throw e;
    }
  }

  public static <T> T firstSuccess(List<? extends Coroutine<? extends T>> coroutines) {
    if (coroutines.isEmpty()) {
      throw new IllegalArgumentException("firstSuccess needs at least one coroutine");
    }
    Loop loop = Loop.current();
    Promise<T> winner = loop.newFuture();
    List<Task<T>> tasks = new ArrayList<>(coroutines.size());
    int[] failed = {0};
    for (Coroutine<? extends T> coroutine : coroutines) {
      Task<T> task =
          loop.spawn(
              () -> {
                T value;
                try {
                  value = coroutine.call();
                } catch (Throwable t) {
                  if (!winner.isDone() && ++failed[0] == coroutines.size()) {
                    winner.fail(t);
                  }
                  throw t;
                }
                if (winner.complete(value)) {
                  // Cancel synchronously, so siblings that have not started never run. The
                  // winner itself is not cancelled: it ends with the value it returned.
                  Task<?> self = loop.currentTask().orElseThrow();
                  for (Task<T> other : tasks) {
                    if (other != self) {
                      other.cancel();
                    }
                  }
                }
                return value;
              });
      // The failure is reported through `winner`; mark it retrieved on the task.
      task.whenDone(t -> failureOf(t));
      tasks.add(task);
    }
    try {
      return winner.await();
    } finally {
      // A winner has cancelled the others already; otherwise the caller was cancelled.
      if (!winner.isDone() || winner.isCancelled()) {
        for (Task<T> task : tasks) {
          task.cancel();
        }
      }
    }
  }
}

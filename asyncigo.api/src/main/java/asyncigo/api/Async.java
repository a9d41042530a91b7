package asyncigo.api;

import asyncigo.api.internal.FutureCombinators;
import asyncigo.api.iter.AsyncIterable;
import asyncigo.api.sync.CompletionOrder;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Static shortcuts for code running inside a task: each acts on {@link Loop#current()}.
 *
 * <pre>{@code
 * import static asyncigo.api.Async.*;
 *
 * Task<Integer> t = spawn(() -> { sleep(Duration.ofSeconds(1)); return 42; });
 * Waited w = await(WaitMode.ALL_COMPLETED, t, other);
 * }</pre>
 *
 * <p>Every method is loop-confined and throws {@link IllegalStateException} ("no running asyncigo
 * loop on this thread") outside a loop.
 */
public final class Async {
  private Async() {}

  /** {@link Loop#spawn(Coroutine)} on the current loop. */
  public static <T> Task<T> spawn(Coroutine<T> body) {
    return Loop.current().spawn(body);
  }

  /** {@link Loop#spawn(String, Coroutine)} on the current loop. */
  public static <T> Task<T> spawn(String name, Coroutine<T> body) {
    return Loop.current().spawn(name, body);
  }

  /** {@link Loop#sleep(Duration)} on the current loop. */
  public static void sleep(Duration duration) {
    Loop.current().sleep(duration);
  }

  /** {@link Loop#yieldNow()} on the current loop. */
  public static void yieldNow() {
    Loop.current().yieldNow();
  }

  /**
   * Runs blocking {@code work} on a new virtual thread and returns its result: {@link
   * Loop#toThread(Callable)} on the current loop, awaited (which returns the future instead).
   * Cancelling the calling task interrupts the thread; a checked exception of the work is wrapped
   * in {@link UncheckedExecutionException}.
   *
   * @throws CancelledException if the calling task is cancelled
   */
  public static <T> T runOnThread(Callable<T> work) {
    return Loop.current().toThread(work).await();
  }

  /**
   * The task running this code.
   *
   * @throws IllegalStateException outside a task
   */
  public static Task<?> currentTask() {
    return Loop.current()
        .currentTask()
        .orElseThrow(() -> new IllegalStateException("not running inside an asyncigo task"));
  }

  /**
   * Waits until {@code futures} reach the state {@code mode} asks for (seed {@code Wait}, asyncio
   * {@code wait}). Never cancels the futures, not even when the caller is cancelled. With no
   * futures it returns at once.
   *
   * @throws CancelledException if the calling task is cancelled
   */
  public static Waited await(WaitMode mode, Future<?>... futures) {
    return await(mode, Arrays.asList(futures));
  }

  /** {@link #await(WaitMode, Future[])} over a list. */
  public static Waited await(WaitMode mode, List<? extends Future<?>> futures) {
    return FutureCombinators.await(mode, futures);
  }

  /**
   * Waits for all futures and returns their results in argument order. Fails fast: the first
   * failure (or cancellation) is thrown at once and the other futures keep running. Cancelling
   * the caller cancels the futures that are not done.
   */
  @SafeVarargs
  public static <T> List<T> gather(Future<? extends T>... futures) {
    return gather(Arrays.asList(futures));
  }

  /** {@link #gather(Future[])} over a list. */
  public static <T> List<T> gather(List<? extends Future<? extends T>> futures) {
    return FutureCombinators.gather(futures);
  }

  /**
   * Runs each coroutine as a task and returns the first successful result (seed {@code
   * GetFirstResult}); the winning task ends succeeded with that result, the other tasks are then
   * cancelled, and those not started yet never run. If all fail, the failure of the last one to
   * finish is thrown. Cancelling the caller cancels them all.
   *
   * @throws IllegalArgumentException if there are no coroutines
   */
  @SafeVarargs
  public static <T> T firstSuccess(Coroutine<? extends T>... coroutines) {
    return firstSuccess(Arrays.asList(coroutines));
  }

  /** {@link #firstSuccess(Coroutine[])} over a list. */
  public static <T> T firstSuccess(List<? extends Coroutine<? extends T>> coroutines) {
    return FutureCombinators.firstSuccess(coroutines);
  }

  /**
   * The futures in the order they complete (asyncio {@code as_completed}); see {@link
   * asyncigo.api.sync.CompletionOrder}.
   */
  public static <F extends Future<?>> AsyncIterable<F> asCompleted(Collection<? extends F> futures) {
    return CompletionOrder.of(futures);
  }

  /** {@link Task#shielded(Coroutine)} on the current task. */
  public static <T> T shielded(Coroutine<T> block) {
    return currentTask().shielded(block);
  }
}

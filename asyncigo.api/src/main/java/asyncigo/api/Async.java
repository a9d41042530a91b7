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
 *
 * @since 0.1
 */
public final class Async {
  private Async() {}

  /**
   * {@link Loop#spawn(Coroutine)} on the current loop.
   *
   * @param <T> the result type
   * @param body the task's body
   * @return the task
   */
  public static <T> Task<T> spawn(Coroutine<T> body) {
    return Loop.current().spawn(body);
  }

  /**
   * {@link Loop#spawn(String, Coroutine)} on the current loop.
   *
   * @param <T> the result type
   * @param name the task's name
   * @param body the task's body
   * @return the task
   */
  public static <T> Task<T> spawn(String name, Coroutine<T> body) {
    return Loop.current().spawn(name, body);
  }

  /**
   * {@link Loop#sleep(Duration)} on the current loop.
   *
   * @param duration how long to sleep, on the loop clock
   * @throws CancelledException if the calling task is cancelled before or while sleeping
   * @throws IllegalArgumentException if the duration is negative
   */
  public static void sleep(Duration duration) {
    Loop.current().sleep(duration);
  }

  /**
   * {@link Loop#yieldNow()} on the current loop.
   *
   * @throws CancelledException if the calling task is cancelled
   */
  public static void yieldNow() {
    Loop.current().yieldNow();
  }

  /**
   * Runs blocking {@code work} on a new virtual thread and returns its result: {@link
   * Loop#toThread(Callable)} on the current loop, awaited (which returns the future instead).
   * Cancelling the calling task interrupts the thread; a checked exception of the work is wrapped
   * in {@link UncheckedExecutionException}.
   *
   * @param <T> the result type
   * @param work the blocking work
   * @return the work's result
   * @throws CancelledException if the calling task is cancelled
   */
  public static <T> T runOnThread(Callable<T> work) {
    return Loop.current().toThread(work).await();
  }

  /**
   * The task running this code.
   *
   * @return the current task
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
   * @param mode when to return
   * @param futures the futures to wait for
   * @return which futures are done and which pending, and the failures of the done ones
   * @throws CancelledException if the calling task is cancelled
   */
  public static Waited await(WaitMode mode, Future<?>... futures) {
    return await(mode, Arrays.asList(futures));
  }

  /**
   * {@link #await(WaitMode, Future[])} over a list.
   *
   * @param mode when to return
   * @param futures the futures to wait for
   * @return which futures are done and which pending, and the failures of the done ones
   * @throws CancelledException if the calling task is cancelled
   */
  public static Waited await(WaitMode mode, List<? extends Future<?>> futures) {
    return FutureCombinators.await(mode, futures);
  }

  /**
   * Waits for all futures and returns their results in argument order. Fails fast: the first
   * failure (or cancellation) is thrown at once and the other futures keep running. Cancelling
   * the caller cancels the futures that are not done.
   *
   * @param <T> the common result type
   * @param futures the futures to wait for
   * @return their results, in argument order
   * @throws CancelledException if the calling task is cancelled, or the first future to fail was
   *     cancelled
   */
  @SafeVarargs
  public static <T> List<T> gather(Future<? extends T>... futures) {
    return gather(Arrays.asList(futures));
  }

  /**
   * {@link #gather(Future[])} over a list.
   *
   * @param <T> the common result type
   * @param futures the futures to wait for
   * @return their results, in list order
   * @throws CancelledException if the calling task is cancelled, or the first future to fail was
   *     cancelled
   */
  public static <T> List<T> gather(List<? extends Future<? extends T>> futures) {
    return FutureCombinators.gather(futures);
  }

  /**
   * Runs each coroutine as a task and returns the first successful result (seed {@code
   * GetFirstResult}); the winning task ends succeeded with that result, the other tasks are then
   * cancelled, and those not started yet never run. If all fail, the failure of the last one to
   * finish is thrown. Cancelling the caller cancels them all.
   *
   * @param <T> the common result type
   * @param coroutines the alternatives, each run as a task
   * @return the first successful result
   * @throws IllegalArgumentException if there are no coroutines
   */
  @SafeVarargs
  public static <T> T firstSuccess(Coroutine<? extends T>... coroutines) {
    return firstSuccess(Arrays.asList(coroutines));
  }

  /**
   * {@link #firstSuccess(Coroutine[])} over a list.
   *
   * @param <T> the common result type
   * @param coroutines the alternatives, each run as a task
   * @return the first successful result
   * @throws IllegalArgumentException if there are no coroutines
   */
  public static <T> T firstSuccess(List<? extends Coroutine<? extends T>> coroutines) {
    return FutureCombinators.firstSuccess(coroutines);
  }

  /**
   * The futures in the order they complete (asyncio {@code as_completed}); see {@link
   * asyncigo.api.sync.CompletionOrder}.
   *
   * @param <F> the future type
   * @param futures the futures to watch
   * @return the futures as they complete
   */
  public static <F extends Future<?>> AsyncIterable<F> asCompleted(Collection<? extends F> futures) {
    return CompletionOrder.of(futures);
  }

  /**
   * {@link Task#shielded(Coroutine)} on the current task.
   *
   * @param <T> the result type
   * @param block the code to run with cancellation held back
   * @return the block's result
   */
  public static <T> T shielded(Coroutine<T> block) {
    return currentTask().shielded(block);
  }
}

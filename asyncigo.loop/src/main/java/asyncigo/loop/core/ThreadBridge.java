package asyncigo.loop.core;

import asyncigo.api.Future;
import asyncigo.api.internal.context.Contexts;
import asyncigo.api.internal.context.TaskContext;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Futures whose outcome comes from another thread: {@code Loop.toThread} (blocking work on a
 * virtual thread) and {@code Loop.adapt} (a {@link CompletionStage}). The foreign side only ever
 * calls {@link Scheduler#submit}, so every future is completed on the loop.
 */
final class ThreadBridge {
  private ThreadBridge() {}

  /**
   * Runs {@code work} on a new virtual thread, with a copy of the calling task's task-local
   * context; cancelling the future interrupts the thread.
   */
  static <T> Future<T> toThread(Scheduler scheduler, Callable<T> work) {
    if (work == null) {
      throw new NullPointerException("work must not be null");
    }
    RealTask<?> caller = scheduler.runningTask();
    TaskContext context = caller == null ? TaskContext.EMPTY : caller.context();
    RealFuture<T> result = new RealFuture<>(scheduler);
    Thread worker =
        Thread.ofVirtual()
            .name("asyncigo-to-thread")
            .unstarted(
                () -> {
                  try {
                    Contexts.enterThread(context);
                    T value = work.call();
                    scheduler.submit(() -> result.complete(value));
                  } catch (Throwable t) {
                    scheduler.submit(() -> result.fail(t));
                  }
                });
    result.completion.listen(
        new Completion.DoneCallback<T>(
            result,
            f -> {
              if (f.isCancelled()) {
                worker.interrupt();
              }
            }));
    worker.start();
    return result;
  }

  /**
   * A future completed when {@code stage} is, with a {@link CompletionException} unwrapped;
   * cancelling it cancels the stage's {@code toCompletableFuture()} view where it allows that.
   */
  static <T> Future<T> adapt(Scheduler scheduler, CompletionStage<T> stage) {
    RealFuture<T> result = new RealFuture<>(scheduler);
    stage.whenComplete(
        (value, error) ->
            scheduler.submit(
                () -> {
                  Throwable cause =
                      error instanceof CompletionException c && c.getCause() != null
                          ? c.getCause()
                          : error;
                  if (cause == null) {
                    result.complete(value);
                  } else if (cause instanceof CancellationException) {
                    result.cancel();
                  } else {
                    result.fail(cause);
                  }
                }));
    result.completion.listen(
        new Completion.DoneCallback<T>(
            result,
            f -> {
              if (f.isCancelled()) {
                try {
                  stage.toCompletableFuture().cancel(false);
                } catch (UnsupportedOperationException notCancellable) {
                  // The stage offers no way to cancel it; it completes on its own.
                }
              }
            }));
    return result;
  }
}

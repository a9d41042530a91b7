package asyncigo.loop.core;

import asyncigo.api.Future;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CompletableFuture;

/**
 * The {@link CompletableFuture} view of a {@link LoopFuture} ({@code Future.toCompletableFuture}),
 * for any thread. The view is stored in the future's {@link Completion} once, by compare-and-exchange, so concurrent
 * first calls get the same one. The view of a done future is completed at once; that of a pending
 * future by a done callback registered on the loop (handed over with {@code callSoonThreadsafe}
 * when the caller is another thread). A failure delivered to the view is marked retrieved on the
 * loop. Cancelling the view cancels the future (a task: requests its cancellation), on the loop.
 * Thread-safe.
 */
final class FutureView {
  private static final VarHandle VIEW;

  static {
    try {
      VIEW =
          MethodHandles.lookup().findVarHandle(Completion.class, "view", CompletableFuture.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private FutureView() {}

  /** The view of {@code future}, made on the first call. */
  @SuppressWarnings("unchecked")
  static <T> CompletableFuture<T> of(LoopFuture<T> future) {
    Completion<T> completion = future.completion();
    CompletableFuture<T> existing = (CompletableFuture<T>) VIEW.getAcquire(completion);
    if (existing != null) {
      return existing;
    }
    Scheduler scheduler = completion.scheduler;
    boolean onLoop = scheduler.isOwner();
    boolean done = future.isDone();
    if (!done && scheduler.loop.isClosed()) {
      throw new IllegalStateException(
          "Future.toCompletableFuture: the future is pending and its loop is closed, so it can"
              + " never complete");
    }
    CompletableFuture<T> view = new CompletableFuture<>();
    Object winner = VIEW.compareAndExchange(completion, null, view);
    if (winner != null) {
      return (CompletableFuture<T>) winner;
    }
    if (done) {
      complete(future, view, onLoop);
      return view;
    }
    view.whenComplete(
        (v, e) -> {
          if (view.isCancelled()) {
            scheduler.loop.callSoonThreadsafe(future::cancel);
          }
        });
    Runnable register =
        () ->
            completion.listen(
                new Completion.DoneCallback<T>(future, f -> complete(f, view, true)));
    if (onLoop) {
      register.run();
    } else {
      scheduler.loop.callSoonThreadsafe(register);
    }
    return view;
  }

  /**
   * Completes {@code view} as the done {@code future} ended (its state is read first, with acquire
   * semantics, then its outcome). A failure is marked retrieved on the loop: at once when {@code
   * onLoop}, else handed to it.
   */
  @SuppressWarnings("unchecked")
  private static <T> void complete(Future<T> done, CompletableFuture<T> view, boolean onLoop) {
    LoopFuture<T> future = (LoopFuture<T>) done;
    Completion<T> completion = future.completion();
    switch (completion.state()) {
      case SUCCEEDED -> view.complete((T) completion.rawValue());
      case FAILED -> {
        Scheduler scheduler = completion.scheduler;
        if (onLoop) {
          future.markRetrieved();
        } else if (!scheduler.loop.isClosed()) {
          scheduler.loop.callSoonThreadsafe(future::markRetrieved);
        }
        view.completeExceptionally((Throwable) completion.rawValue());
      }
      default -> view.cancel(false);
    }
  }
}

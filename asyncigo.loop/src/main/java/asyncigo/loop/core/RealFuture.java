package asyncigo.loop.core;

import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.Promise;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The loop's promise ({@code Loop.newFuture}), and the future of the loop's own operations. Its
 * state is a {@link Completion}. Every method is loop-confined and checked, except {@link
 * #loop()}, {@link #state()} and {@link #toCompletableFuture()}; {@link FutureView} makes the
 * view.
 *
 * <p>{@link ReadinessFuture}, its one subclass, is the future of a stream's readiness, reused
 * for every wait: its completion runs a hook whenever it settles ({@link Completion#onSettled})
 * and can be made pending again ({@link Completion#rearm}).
 *
 * @param <T> the result type
 */
sealed class RealFuture<T> implements Promise<T>, LoopFuture<T> permits ReadinessFuture {
  final Completion<T> completion;

  RealFuture(Scheduler scheduler) {
    this.completion = new Completion<>(scheduler);
  }

  @Override
  public Completion<T> completion() {
    return completion;
  }

  @Override
  public Loop loop() {
    return completion.scheduler.loop;
  }

  @Override
  public State state() {
    return completion.state();
  }

  @Override
  public T await() {
    return completion.scheduler.await(this);
  }

  @Override
  public boolean complete(T result) {
    completion.scheduler.checkOwner("Promise.complete");
    return completion.settle(State.SUCCEEDED, result);
  }

  @Override
  public boolean fail(Throwable failure) {
    if (failure == null) {
      throw new NullPointerException("failure must not be null");
    }
    completion.scheduler.checkOwner("Promise.fail");
    return completion.settle(State.FAILED, failure);
  }

  @Override
  public boolean cancel() {
    completion.scheduler.checkOwner("Future.cancel");
    return completion.settle(State.CANCELLED, new StoredCancellation("future was cancelled"));
  }

  @Override
  public void markRetrieved() {}

  @Override
  public T resultNow() {
    completion.scheduler.checkOwner("Future.resultNow");
    return completion.outcome();
  }

  @Override
  public Throwable exceptionNow() {
    completion.scheduler.checkOwner("Future.exceptionNow");
    return completion.failure();
  }

  @Override
  public Future<T> whenDone(Consumer<? super Future<T>> callback) {
    completion.scheduler.checkOwner("Future.whenDone");
    if (callback == null) {
      throw new NullPointerException("callback must not be null");
    }
    completion.listen(new Completion.DoneCallback<>(this, callback));
    return this;
  }

  @Override
  public int removeWhenDone(Consumer<? super Future<T>> callback) {
    completion.scheduler.checkOwner("Future.removeWhenDone");
    return completion.removeCallbacks(callback);
  }

  @Override
  public Future<T> shield() {
    completion.scheduler.checkOwner("Future.shield");
    return completion.shield(this);
  }

  @Override
  public CompletableFuture<T> toCompletableFuture() {
    return FutureView.of(this);
  }

  @Override
  public String toString() {
    return "RealFuture[" + completion.state() + "]";
  }
}

package asyncigo.iter.internal;

import asyncigo.api.Async;
import asyncigo.api.Coroutine;
import asyncigo.api.Loop;
import asyncigo.api.Task;
import asyncigo.api.UncheckedExecutionException;
import asyncigo.api.WaitMode;
import asyncigo.api.iter.AsyncIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What one pull iteration holds beyond its iterator: the consuming task it is bound to, and the
 * producer tasks it spawned (a generator's producer, a merge's feeders). Loop-confined.
 *
 * <p><b>Binding.</b> The iterator is closed when the consuming task ends, in case its consumer
 * never closes it (a {@code for} loop that breaks). {@link #stop()} removes the binding.
 *
 * <p><b>Stopping.</b> {@link #stop()} cancels the producers that are still running. Called from a
 * task other than the producers, it then waits for them to finish, shielded from the caller's
 * own cancellation, so their cleanup has run when it returns, and throws the first failure their
 * cleanup recorded through {@link #cleanupFailed}. Called where it cannot wait (a done callback,
 * or a producer itself), it returns at once and the failure, if any, goes to the loop's exception
 * handler once the producers have finished.
 */
public final class IterationScope {
  private final Loop loop;
  private final Task<?> consumer;
  private final Consumer<Object> closeAtConsumerEnd;
  private final List<Task<Void>> producers = new ArrayList<>(1);
  private boolean stopping;
  private Throwable cleanupFailure;
  private int unfinished;

  /**
   * Binds {@code iterator} to the current task.
   *
   * @param what what is iterated, for the error message ("a generator")
   * @throws IllegalStateException outside a task of a running loop
   */
  public IterationScope(String what, AsyncIterator<?> iterator) {
    loop = Loop.current();
    consumer =
        loop.currentTask()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        what + " can only be iterated inside a task of the loop"));
    closeAtConsumerEnd = ignored -> iterator.close();
    consumer.whenDone(closeAtConsumerEnd);
  }

  /** The loop of the consuming task. */
  public Loop loop() {
    return loop;
  }

  /** Spawns a producer task, named after the consuming task and {@code role}. */
  public Task<Void> spawn(String role, Coroutine<Void> body) {
    Task<Void> task = loop.spawn(consumer.name() + "/" + role, body);
    producers.add(task);
    return task;
  }

  /** Whether {@link #stop()} has been called: producers check it to tell a stop from a failure. */
  public boolean stopping() {
    return stopping;
  }

  /** Records a failure a producer threw while being stopped (the first; later ones suppressed). */
  public void cleanupFailed(Throwable failure) {
    if (cleanupFailure == null) {
      cleanupFailure = failure;
    } else if (cleanupFailure != failure) {
      cleanupFailure.addSuppressed(failure);
    }
  }

  /** Unbinds, then stops the producers (see the type's documentation). Idempotent. */
  public void stop() {
    if (stopping) {
      return;
    }
    stopping = true;
    consumer.removeWhenDone(closeAtConsumerEnd);
    List<Task<Void>> running = new ArrayList<>(producers.size());
    for (Task<Void> producer : producers) {
      if (!producer.isDone()) {
        producer.cancel();
        running.add(producer);
      }
    }
    Task<?> current = loop.currentTask().orElse(null);
    if (running.isEmpty()) {
      throwCleanupFailure();
    } else if (current == null || producers.contains(current)) {
      unfinished = running.size();
      for (Task<Void> producer : running) {
        producer.whenDone(
            ignored -> {
              if (--unfinished == 0) {
                throwCleanupFailure();
              }
            });
      }
    } else {
      current.shielded(() -> Async.await(WaitMode.ALL_COMPLETED, running));
      throwCleanupFailure();
    }
  }

  private void throwCleanupFailure() {
    Throwable failure = cleanupFailure;
    cleanupFailure = null;
    if (failure != null) {
      throw UncheckedExecutionException.rethrow(failure);
    }
  }
}

package asyncigo.iter.internal;

import asyncigo.api.CancelledException;
import asyncigo.api.Future;
import asyncigo.api.Promise;
import asyncigo.api.Task;
import asyncigo.iter.Generator;

/**
 * Pull-style iteration of a generator: the body runs in a producer task, and elements cross over
 * through two one-shot futures.
 *
 * <p>Implementation overview.
 *
 * <ul>
 *   <li>{@code value} is created by the consumer before it asks for an element. The producer's
 *       {@code yield} completes it with the element; the end of the body completes it with {@link
 *       #END}; a failure of the body fails it.
 *   <li>{@code demand} is created by {@code yield} before it hands an element over. The consumer
 *       completes it to ask for the next element; {@code yield} returns then.
 * </ul>
 *
 * The first {@code hasNext()} spawns the producer instead of completing a demand. Each element
 * thus costs one round trip of switches: the consumer suspends on {@code value}, the producer
 * runs to its next {@code yield} and suspends on {@code demand}, the consumer resumes. The
 * producer never runs ahead of its consumer.
 *
 * <p>Stopping (close, a failure, the end of the consuming task) goes through {@link
 * IterationScope#stop()}: the producer is cancelled, so the {@code demand} await in {@code yield}
 * throws {@link CancelledException}, the body's {@code finally} blocks run and the producer ends.
 * If the producer ends while the consumer still waits on {@code value} (it was closed from another
 * task, or cancelled by someone else), {@code value} is completed with {@link #END} or cancelled,
 * so the consumer never hangs. A failure that cannot reach the consumer (the body failed while
 * being stopped, or after its consumer was cancelled) is recorded as a cleanup failure.
 */
final class GeneratorIterator<T> extends PullIterator<T> {
  private static final Object END = new Object();

  private final Generator<T> body;
  private IterationScope scope;
  private Task<Void> producer;
  private Promise<Object> value;
  private Promise<Void> demand;

  GeneratorIterator(Generator<T> body) {
    this.body = body;
  }

  @Override
  protected T computeNext() {
    if (scope == null) {
      scope = new IterationScope("a generator", this);
      value = scope.loop().newFuture();
      producer = scope.spawn("generator", this::produce);
    } else {
      value = scope.loop().newFuture();
      demand.complete(null);
    }
    Object element = value.await();
    if (element == END) {
      return endOfData();
    }
    @SuppressWarnings("unchecked") // only yield(T) completes value with something else than END
    T typed = (T) element;
    return typed;
  }

  @Override
  protected void release() {
    if (scope != null) {
      scope.stop();
    }
  }

  private Void produce() {
    try {
      body.generate(this::yield);
      value.complete(END);
    } catch (Throwable failure) {
      boolean delivered = !scope.stopping() && value.fail(failure);
      if (!delivered && !(failure instanceof CancelledException)) {
        scope.cleanupFailed(failure);
      }
    } finally {
      if (!value.isDone()) {
        if (scope.stopping()) {
          value.complete(END);
        } else {
          value.cancel();
        }
      }
    }
    return null;
  }

  private void yield(T element) {
    scope.loop().checkLoopThread("Yield.yield");
    if (scope.stopping()) {
      throw new CancelledException("the generator's consumer has stopped");
    }
    if (scope.loop().currentTask().orElse(null) != producer) {
      throw new IllegalStateException(
          "yield called outside the generator's producer task: a generator body must yield in"
              + " the task that runs it, not in tasks it spawns");
    }
    Promise<Void> next = scope.loop().newFuture();
    demand = next;
    value.complete(element);
    next.await();
  }
}

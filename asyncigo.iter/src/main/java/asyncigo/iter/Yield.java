package asyncigo.iter;

import asyncigo.api.CancelledException;

/**
 * The function a {@link Generator} body calls to hand each value to its consumer: Python's
 * {@code yield}. A method named {@code yield} must be called qualified, which reads naturally:
 * {@code y.yield(value)}.
 *
 * <p>Loop-confined: call it only from the body it was given to, in the task that runs that body
 * (not from tasks the body spawns).
 *
 * @param <T> the element type
 * @since 0.1
 */
@FunctionalInterface
public interface Yield<T> {
  /**
   * Hands {@code value} (null allowed) to the consumer and returns when the consumer wants the
   * next one. With pull-style iteration the body is suspended here until then; with {@link
   * AsyncSeq#forEach push-style} iteration the consumer's code runs inside this call.
   *
   * @param value the element
   * @throws CancelledException when the consumer has stopped (it broke out of its loop, closed
   *     the iterator, took all it wanted, or its task was cancelled). Let it propagate: the body's
   *     {@code finally} blocks run and the consumer reports no error. Calling {@code yield} again
   *     after that throws again.
   * @throws RuntimeException in push-style iteration, whatever the consumer's action threw
   */
  void yield(T value);
}

package asyncigo.loop.core;

import asyncigo.api.Future;

/**
 * A future of this loop implementation, a {@link RealFuture} or a {@link RealTask}: what the
 * scheduler awaits and {@link FutureView} adapts.
 *
 * @param <T> the result type
 */
sealed interface LoopFuture<T> extends Future<T> permits RealFuture, RealTask {

  /** {@return the completion state} */
  Completion<T> completion();

  /** Records that the failure was looked at (it is then never reported as unretrieved). */
  void markRetrieved();
}

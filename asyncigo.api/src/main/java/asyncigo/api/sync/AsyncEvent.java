package asyncigo.api.sync;

import asyncigo.api.CancelledException;
import asyncigo.api.internal.sync.RealEvent;

/**
 * A flag that tasks can wait for (asyncio {@code Event}): {@link #set()} wakes every waiting task,
 * and waits after it return at once until {@link #clear()}.
 *
 * <pre>{@code
 * AsyncEvent ready = AsyncEvent.create();
 * spawn(() -> { ready.await(); return serve(); });
 * ready.set();
 * }</pre>
 *
 * <p>Woken tasks resume in the order they started waiting. A task woken by {@code set()} returns
 * normally even if the event is cleared before it resumes.
 *
 * <p>Loop-confined (see the {@linkplain asyncigo.api.sync package}); the factory methods are
 * thread-safe and need no loop.
 *
 * @since 0.1
 */
public interface AsyncEvent {

  /** {@return a new event that is not set} */
  static AsyncEvent create() {
    return new RealEvent();
  }

  /**
   * Waits until the event is set; returns without suspending if it is set already.
   *
   * @throws CancelledException if the task is cancelled while waiting
   */
  void await();

  /** Sets the event and wakes every waiting task. Idempotent. */
  void set();

  /** Clears the event, so later waits wait again. Idempotent. */
  void clear();

  /** {@return whether the event is set} */
  boolean isSet();
}

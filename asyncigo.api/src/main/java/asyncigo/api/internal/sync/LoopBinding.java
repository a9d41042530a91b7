package asyncigo.api.internal.sync;

import asyncigo.api.Loop;

/**
 * The loop a synchronization primitive belongs to: the loop of the task or callback that first
 * uses it. Every loop-confined method of the primitive calls {@link #check} before anything else,
 * so a call from another thread, or from a task of another loop, throws and changes nothing.
 * Thread-safe.
 */
public final class LoopBinding {
  private volatile Loop loop;

  /**
   * Checks that the calling thread may use the primitive ({@link Loop#checkLoopThread}) and returns
   * its loop; the first call binds the primitive to the loop running on the calling thread.
   *
   * @param what the method called, for the message ({@code "AsyncQueue.put"})
   * @throws IllegalStateException if no loop runs on the calling thread, or the primitive belongs
   *     to a loop that this thread may not use
   */
  public Loop check(String what) {
    Loop bound = loop;
    if (bound == null) {
      bound = bind(what);
    }
    bound.checkLoopThread(what);
    return bound;
  }

  private synchronized Loop bind(String what) {
    if (loop == null) {
      loop =
          Loop.running()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          what
                              + " is loop-confined: call it inside a task or callback of a running"
                              + " loop, not from thread "
                              + Thread.currentThread().getName()));
    }
    return loop;
  }
}

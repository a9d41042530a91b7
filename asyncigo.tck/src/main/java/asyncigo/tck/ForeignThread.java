package asyncigo.tck;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Test helper: runs an action on a new platform thread that belongs to no loop, waits for it, and
 * returns what it threw. Called from a task, it blocks that task's strand (and with it the loop)
 * until the action is done, so nothing else of the loop runs meanwhile. Thread-safe.
 *
 * @since 0.1
 */
public final class ForeignThread {
  /** The name of the thread, which the messages of loop-confined methods quote. */
  public static final String NAME = "intruder";

  private ForeignThread() {}

  /**
   * An action that may throw anything.
   *
   * @since 0.1
   */
  @FunctionalInterface
  public interface Action {
    /**
     * Runs the action, on the foreign thread.
     *
     * @throws Exception anything; {@link #call} returns it
     */
    void run() throws Exception;
  }

  /**
   * Runs {@code action} on a thread named {@link #NAME} and waits until it ends.
   *
   * @param action what to run on the foreign thread
   * @return what the action threw, or null if it returned
   * @throws IllegalStateException if the calling thread is interrupted while it waits
   */
  public static Throwable call(Action action) {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                action.run();
              } catch (Throwable t) {
                thrown.set(t);
              }
            },
            NAME);
    thread.start();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the foreign thread", e);
    }
    return thrown.get();
  }

  /**
   * The message a loop-confined method gives when this helper calls it.
   *
   * @param what the method, as the message names it ({@code "AsyncStream.close"})
   * @return the expected {@link IllegalStateException} message
   */
  public static String confinedMessage(String what) {
    return what
        + " is loop-confined: call it on the loop's thread (inside a task or callback of the"
        + " loop), not from thread "
        + NAME;
  }
}

package asyncigo.tck;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Test helper: runs an action on a new platform thread that belongs to no loop, waits for it, and
 * returns what it threw. Called from a task, it blocks that task's strand (and with it the loop)
 * until the action is done, so nothing else of the loop runs meanwhile.
 */
public final class ForeignThread {
  /** The name of the thread, which the messages of loop-confined methods quote. */
  public static final String NAME = "intruder";

  private ForeignThread() {}

  /** An action that may throw anything. */
  @FunctionalInterface
  public interface Action {
    void run() throws Exception;
  }

  /** Runs {@code action} on a thread named {@link #NAME}; returns what it threw, or null. */
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

  /** The message a loop-confined method gives when this helper calls {@code what}. */
  public static String confinedMessage(String what) {
    return what
        + " is loop-confined: call it on the loop's thread (inside a task or callback of the"
        + " loop), not from thread "
        + NAME;
  }
}

package asyncigo.api.internal.context;

import asyncigo.api.Loop;
import asyncigo.api.Task;
import java.util.Optional;

/**
 * Finds the context {@link asyncigo.api.TaskLocal} reads and writes: inside a task of a running
 * loop, the task's own; in a loop callback, none; on any other thread, that thread's (a {@code
 * toThread} worker starts with a copy of its task's). Thread-safe; each slot is confined to its
 * task or thread.
 */
public final class Contexts {
  private Contexts() {}

  private static final ThreadLocal<ThreadSlot> THREAD = new ThreadLocal<>();
  // Whether any thread slot was ever made: until then no thread has a context to look up, and
  // the loop's run() does not touch the caller's ThreadLocal map.
  private static volatile boolean threadSlotsUsed;

  /** {@return the slot of the caller, or null when the caller is a callback of a running loop} */
  public static ContextSlot current() {
    Optional<Loop> loop = Loop.running();
    if (loop.isPresent()) {
      Optional<Task<?>> task = loop.get().currentTask();
      return task.isPresent() && task.get() instanceof ContextSlot slot ? slot : null;
    }
    ThreadSlot slot = THREAD.get();
    if (slot == null) {
      slot = new ThreadSlot(TaskContext.EMPTY);
      threadSlotsUsed = true;
      THREAD.set(slot);
    }
    return slot;
  }

  /**
   * The context of the calling thread outside any task (what a loop's main task starts with).
   *
   * @return that context, or {@link TaskContext#EMPTY} if the thread never set one
   */
  public static TaskContext ofThisThread() {
    if (!threadSlotsUsed) {
      return TaskContext.EMPTY;
    }
    ThreadSlot slot = THREAD.get();
    return slot == null ? TaskContext.EMPTY : slot.context;
  }

  /**
   * Makes {@code context} the context of the calling thread and hands its mirrored values to
   * their mirrors there: the start of a {@code toThread} worker. Does nothing for the empty one.
   *
   * @param context the context the worker inherits
   */
  public static void enterThread(TaskContext context) {
    if (context == TaskContext.EMPTY) {
      return;
    }
    threadSlotsUsed = true;
    THREAD.set(new ThreadSlot(context));
    if (context.hasMirrors()) {
      context.applyMirrors();
    }
  }

  private static final class ThreadSlot implements ContextSlot {
    private TaskContext context;

    ThreadSlot(TaskContext context) {
      this.context = context;
    }

    @Override
    public TaskContext context() {
      return context;
    }

    @Override
    public void context(TaskContext context) {
      this.context = context;
    }
  }
}

package asyncigo.api.internal.context;

/**
 * Where the current {@link TaskContext} of a task or thread is kept: the loop's tasks implement
 * it, and {@link Contexts} keeps one per thread for code outside tasks. Confined to its task or
 * thread.
 */
public interface ContextSlot {
  /** {@return the current context} */
  TaskContext context();

  /**
   * Replaces the current context.
   *
   * @param context the new context
   */
  void context(TaskContext context);
}

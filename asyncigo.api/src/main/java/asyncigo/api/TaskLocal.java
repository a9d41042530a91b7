package asyncigo.api;

import asyncigo.api.internal.context.ContextSlot;
import asyncigo.api.internal.context.Contexts;
import asyncigo.api.internal.context.MdcMirror;
import asyncigo.api.internal.context.TaskContext;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A value local to the running task and inherited by the tasks it spawns: asyncio's {@code
 * contextvars}, kotlinx's {@code CoroutineContext} elements, for request ids, tenants, deadlines.
 *
 * <pre>{@code
 * static final TaskLocal<String> REQUEST = TaskLocal.mdc("requestId"); // also in slf4j's MDC
 *
 * REQUEST.set(id);                    // in the task handling the request
 * loop.spawn(() -> audit(REQUEST.get()));  // the child starts with the same id
 * }</pre>
 *
 * <p><b>Where the value lives.</b> Every task has its own context. A task spawned inside a task
 * starts with a copy of its spawner's context as it is at {@code spawn}; a loop's main task
 * starts with a copy of the context of the thread that called {@link Loop#run}. The copy is
 * independent: a later {@link #set} in the child never changes the parent, nor one in the parent
 * the child. {@link Loop#toThread} and {@link Async#runOnThread} run their work with a copy of the
 * calling task's context, which the work may change without affecting the task. A thread outside
 * any loop (such as the one that calls {@code run}) has a context of its own. A loop callback
 * ({@code callSoon}, {@code callLater}, done-callbacks) has none: {@link #get} returns the
 * initial value there, {@link #set} throws, and a task it spawns starts with the initial values.
 *
 * <p><b>Mirrors.</b> A {@linkplain #mirrored mirrored} local also hands its value to a
 * thread-bound store, such as slf4j's MDC ({@link #mdc}), on the thread that runs the code: when
 * it is set there, and when a task or {@code toThread} worker starts with an inherited value.
 * Each task runs on a thread of its own (its strand), so the mirrored value stays right across
 * every await of the task. Loop callbacks run on whichever thread holds the loop: what such a
 * store shows there is unspecified.
 *
 * <p><b>Threading.</b> A {@code TaskLocal} object is thread-safe and meant to be shared (a {@code
 * static final} field, like a {@link ThreadLocal}); each context it reads and writes is confined
 * to its task or thread.
 *
 * @param <T> the value type; null is a value like any other
 * @since 0.1
 */
public final class TaskLocal<T> {
  private final String name;
  private final T initial;
  private final Consumer<? super T> mirror;

  private TaskLocal(String name, T initial, Consumer<? super T> mirror) {
    this.name = Objects.requireNonNull(name, "task-local name");
    this.initial = initial;
    this.mirror = mirror;
  }

  /**
   * A task-local whose initial value is null.
   *
   * @param <T> the value type
   * @param name its name, for diagnostics
   * @return a new task-local; every context reads null for it until set
   * @throws NullPointerException if name is null
   */
  public static <T> TaskLocal<T> of(String name) {
    return new TaskLocal<>(name, null, null);
  }

  /**
   * A task-local whose value is {@code initial} until set.
   *
   * @param <T> the value type
   * @param name its name, for diagnostics
   * @param initial what every context reads until the value is set there (may be null)
   * @return a new task-local
   * @throws NullPointerException if name is null
   */
  public static <T> TaskLocal<T> of(String name, T initial) {
    return new TaskLocal<>(name, initial, null);
  }

  /**
   * A task-local whose value is also handed to {@code mirror} on the thread that runs the code:
   * when {@link #set} (or {@link #with}) changes it there, and when a task or {@code toThread}
   * worker starts with a value inherited for it. The mirror must be quick and must not throw.
   *
   * @param <T> the value type
   * @param name its name, for diagnostics
   * @param initial what every context reads until the value is set there (may be null)
   * @param mirror receives each value that becomes current on the calling thread
   * @return a new task-local
   * @throws NullPointerException if name or mirror is null
   */
  public static <T> TaskLocal<T> mirrored(String name, T initial, Consumer<? super T> mirror) {
    return new TaskLocal<>(name, initial, Objects.requireNonNull(mirror, "mirror"));
  }

  /**
   * A task-local mirrored into slf4j's {@link org.slf4j.MDC} under {@code key} (null removes the
   * key): log lines of a task and of everything it spawns carry the value across awaits. Its
   * initial value is null.
   *
   * @param key the MDC key, also the task-local's name
   * @return a new task-local of strings
   * @throws NullPointerException if key is null
   * @throws IllegalStateException if slf4j-api (module {@code org.slf4j}) is not available
   */
  public static TaskLocal<String> mdc(String key) {
    Objects.requireNonNull(key, "MDC key");
    try {
      return new TaskLocal<>(key, null, new MdcMirror(key));
    } catch (NoClassDefFoundError e) {
      throw new IllegalStateException(
          "TaskLocal.mdc(\"" + key + "\") needs slf4j-api (module org.slf4j) on the module path or"
              + " class path",
          e);
    }
  }

  /**
   * The name given at creation.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The value in the current context (see the type's documentation).
   *
   * @return the value set there, or the initial value if none is (always in a loop callback)
   */
  @SuppressWarnings("unchecked")
  public T get() {
    ContextSlot slot = Contexts.current();
    if (slot == null) {
      return initial;
    }
    Object value = slot.context().get(this);
    return value == TaskContext.ABSENT ? initial : (T) value;
  }

  /**
   * Sets the value in the current context: the running task's (its children spawned from now on
   * inherit it), or the calling thread's outside a loop.
   *
   * @param value the new value (may be null)
   * @throws IllegalStateException in a loop callback, which has no context
   */
  public void set(T value) {
    ContextSlot slot = Contexts.current();
    if (slot == null) {
      throw new IllegalStateException(
          "TaskLocal.set(" + name + "): a loop callback has no task context; set it in a task");
    }
    slot.context(slot.context().with(this, value, mirror));
    if (mirror != null) {
      mirror.accept(value);
    }
  }

  /**
   * Runs {@code block} in the current task or thread with the value set to {@code value}, then
   * restores the previous value, whether the block returns or throws (tasks the block spawned
   * keep {@code value}). Returns what the block returns; a checked exception of the block is
   * wrapped in {@link UncheckedExecutionException}.
   *
   * @param <R> the block's result type
   * @param value the value while the block runs (may be null)
   * @param block the code to run; it may await
   * @return what the block returns
   * @throws IllegalStateException in a loop callback, which has no context
   * @throws NullPointerException if block is null
   */
  public <R> R with(T value, Coroutine<R> block) {
    Objects.requireNonNull(block, "block");
    T previous = get();
    set(value);
    try {
      return block.call();
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Exception e) {
      throw new UncheckedExecutionException(e);
    } finally {
      set(previous);
    }
  }

  /**
   * For diagnostics.
   *
   * @return {@code TaskLocal[name]}
   */
  @Override
  public String toString() {
    return "TaskLocal[" + name + "]";
  }
}

package asyncigo.api.internal.context;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * An immutable set of {@link asyncigo.api.TaskLocal} values: what a task or thread sees, and what
 * a spawned task starts with (the same object, shared: a change makes a new one, so the other side
 * never sees it). Stored as a flat array of (local, value, mirror) triples, because a context
 * holds a handful of values at most. Thread-safe.
 */
public final class TaskContext {
  /** The context with no value set: every local reads its initial value. */
  public static final TaskContext EMPTY = new TaskContext(new Object[0], false);

  /** What {@link #get} returns for a local that has no value here. */
  public static final Object ABSENT = new Object();

  private final Object[] triples;
  private final boolean mirrored;

  private TaskContext(Object[] triples, boolean mirrored) {
    this.triples = triples;
    this.mirrored = mirrored;
  }

  /**
   * The value set for {@code local}.
   *
   * @param local the task-local
   * @return its value, or {@link #ABSENT}
   */
  public Object get(Object local) {
    for (int i = 0; i < triples.length; i += 3) {
      if (triples[i] == local) {
        return triples[i + 1];
      }
    }
    return ABSENT;
  }

  /**
   * A context like this one, with {@code local} set to {@code value}; {@code mirror} (or null) is
   * what {@link #applyMirrors} hands the value to.
   *
   * @param <T> the value's type
   * @param local the task-local
   * @param value its new value
   * @param mirror where {@link #applyMirrors} hands the value, or null
   * @return the new context
   */
  public <T> TaskContext with(Object local, T value, Consumer<? super T> mirror) {
    for (int i = 0; i < triples.length; i += 3) {
      if (triples[i] == local) {
        Object[] copy = triples.clone();
        copy[i + 1] = value;
        return new TaskContext(copy, mirrored);
      }
    }
    Object[] grown = Arrays.copyOf(triples, triples.length + 3);
    grown[triples.length] = local;
    grown[triples.length + 1] = value;
    grown[triples.length + 2] = mirror;
    return new TaskContext(grown, mirrored || mirror != null);
  }

  /** {@return whether some value of this context is mirrored to a thread-bound store (the MDC)} */
  public boolean hasMirrors() {
    return mirrored;
  }

  /**
   * Hands every mirrored value to its mirror, on the calling thread: called once on a thread that
   * starts running with this context (a task's strand, a {@code toThread} worker).
   */
  @SuppressWarnings("unchecked")
  public void applyMirrors() {
    for (int i = 0; i < triples.length; i += 3) {
      Consumer<Object> mirror = (Consumer<Object>) triples[i + 2];
      if (mirror != null) {
        mirror.accept(triples[i + 1]);
      }
    }
  }
  /**
   * Hands null to every mirror of this context, on the calling thread: called when a task gives up
   * a thread it shares with other tasks (the continuation engine runs every task on the loop's
   * thread), so that the next one does not see its mirrored values.
   */
  @SuppressWarnings("unchecked")
  public void clearMirrors() {
    for (int i = 0; i < triples.length; i += 3) {
      Consumer<Object> mirror = (Consumer<Object>) triples[i + 2];
      if (mirror != null) {
        mirror.accept(null);
      }
    }
  }

}

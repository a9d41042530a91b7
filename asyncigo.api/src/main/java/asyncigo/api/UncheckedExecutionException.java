package asyncigo.api;

/**
 * Wraps a checked exception that a future or task failed with, when it is rethrown by {@link
 * Future#await()}, {@link Loop#run(Coroutine)} or {@link Future#resultNow()}. {@link #getCause()}
 * is the original exception. Unchecked failures ({@link RuntimeException}, {@link Error}) are
 * never wrapped.
 */
public class UncheckedExecutionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Wraps {@code cause}, which must not be null. */
  public UncheckedExecutionException(Throwable cause) {
    super(String.valueOf(cause), cause);
  }

  /**
   * Rethrows {@code failure} unchecked: runtime exceptions and errors as they are, checked ones
   * wrapped in this type.
   */
  public static RuntimeException rethrow(Throwable failure) {
    if (failure instanceof RuntimeException r) {
      throw r;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    throw new UncheckedExecutionException(failure);
  }
}

package asyncigo.api;

/**
 * Wraps a checked exception that a future or task failed with, when it is rethrown by {@link
 * Future#await()}, {@link Loop#run(Coroutine)} or {@link Future#resultNow()}. {@link #getCause()}
 * is the original exception. Unchecked failures ({@link RuntimeException}, {@link Error}) are
 * never wrapped.
 *
 * @since 0.1
 */
public class UncheckedExecutionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Wraps {@code cause}; the message is the cause's {@code toString()}.
   *
   * @param cause the checked exception
   */
  public UncheckedExecutionException(Throwable cause) {
    super(String.valueOf(cause), cause);
  }

  /**
   * Rethrows {@code failure} unchecked: runtime exceptions and errors as they are, checked ones
   * wrapped in this type. Declared to return an exception so that callers can write {@code
   * throw rethrow(e)}; it never returns.
   *
   * @param failure the exception to throw
   * @return never returns
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

package asyncigo.api;

/**
 * When {@link Async#await(WaitMode, Future[])} returns.
 *
 * @since 0.1
 */
public enum WaitMode {
  /** When any future is done, whatever its outcome. */
  FIRST_COMPLETED,
  /** When any future fails with an exception (cancellation does not count), or all are done. */
  FIRST_EXCEPTION,
  /** When all futures are done. */
  ALL_COMPLETED
}

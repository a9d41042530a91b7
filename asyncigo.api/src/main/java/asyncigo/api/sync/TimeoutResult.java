package asyncigo.api.sync;

import java.util.Objects;

/**
 * What {@link Timeout#moveOnAfter} gives: either the block's value, which may be {@code null}, or
 * the fact that the deadline cut the block short. The two never look alike, so a block that
 * returns {@code null} (say, {@code readLine()} at end of stream) is told apart from a timeout.
 *
 * <pre>{@code
 * TimeoutResult<byte[]> line = Timeout.moveOnAfter(Duration.ofSeconds(5), t -> stream.readLine());
 * if (line.timedOut()) {
 *   // no line within 5 s
 * } else if (line.value() == null) {
 *   // end of stream
 * }
 * String reply = Timeout.moveOnAfter(limit, t -> ask(question)).orElse("no answer");
 * }</pre>
 *
 * <p>Immutable and thread-safe; equal when both timed out, or both completed with equal values.
 *
 * @param <T> the type of the block's value
 * @since 0.1
 */
public final class TimeoutResult<T> {
  private static final TimeoutResult<?> TIMED_OUT = new TimeoutResult<>(true, null);

  private final boolean timedOut;
  private final T value;

  private TimeoutResult(boolean timedOut, T value) {
    this.timedOut = timedOut;
    this.value = value;
  }

  /**
   * {@return the result of a block that returned {@code value} in time}
   *
   * @param <T> the type of the value
   * @param value the block's value, {@code null} allowed
   */
  public static <T> TimeoutResult<T> ofValue(T value) {
    return new TimeoutResult<>(false, value);
  }

  /**
   * {@return the result of a block that the deadline cut short}
   *
   * @param <T> the type the block's value would have had
   */
  @SuppressWarnings("unchecked")
  public static <T> TimeoutResult<T> ofTimeout() {
    return (TimeoutResult<T>) TIMED_OUT;
  }

  /** {@return whether the deadline cut the block short; false if the block returned its value} */
  public boolean timedOut() {
    return timedOut;
  }

  /**
   * The value the block returned, {@code null} if it returned {@code null}.
   *
   * @return the value
   * @throws IllegalStateException if the block timed out: it has no value
   */
  public T value() {
    if (timedOut) {
      throw new IllegalStateException("the block timed out: it has no value");
    }
    return value;
  }

  /**
   * The value the block returned (even {@code null}), or {@code fallback} if the block timed out.
   *
   * @param fallback what to return if the block timed out
   * @return the value or the fallback
   */
  public T orElse(T fallback) {
    return timedOut ? fallback : value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TimeoutResult<?> that
        && timedOut == that.timedOut
        && Objects.equals(value, that.value);
  }

  @Override
  public int hashCode() {
    return timedOut ? -1 : Objects.hashCode(value);
  }

  /** {@code "TimeoutResult[timed out]"} or {@code "TimeoutResult[completed: <value>]"}. */
  @Override
  public String toString() {
    return timedOut ? "TimeoutResult[timed out]" : "TimeoutResult[completed: " + value + "]";
  }
}

package asyncigo.api.internal.sync;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * A duration as people write it in messages: {@code 2s}, {@code 10ms}, {@code 1.5s}, {@code
 * 250µs}, {@code 1m30s}, {@code 2h}. Exact (no rounding): the largest unit below a second that
 * keeps the value at least 1, decimals only as many as needed; from a minute on, hours, minutes
 * and seconds, each left out when zero.
 */
final class DurationText {
  private DurationText() {}

  /** The text of {@code duration}, which must not be negative. */
  static String of(Duration duration) {
    if (duration.isZero()) {
      return "0s";
    }
    if (duration.compareTo(Duration.ofMinutes(1)) < 0) {
      long nanos = duration.toNanos();
      if (nanos < 1_000) {
        return nanos + "ns";
      }
      if (nanos < 1_000_000) {
        return decimal(nanos, 3) + "µs";
      }
      if (nanos < 1_000_000_000) {
        return decimal(nanos, 6) + "ms";
      }
      return decimal(nanos, 9) + "s";
    }
    StringBuilder text = new StringBuilder();
    if (duration.toHours() > 0) {
      text.append(duration.toHours()).append('h');
    }
    if (duration.toMinutesPart() > 0) {
      text.append(duration.toMinutesPart()).append('m');
    }
    Duration seconds = Duration.ofSeconds(duration.toSecondsPart(), duration.toNanosPart());
    if (!seconds.isZero()) {
      text.append(decimal(seconds.toNanos(), 9)).append('s');
    }
    return text.toString();
  }

  /** {@code value / 10^scale} with no trailing zeros. */
  private static String decimal(long value, int scale) {
    return BigDecimal.valueOf(value, scale).stripTrailingZeros().toPlainString();
  }
}

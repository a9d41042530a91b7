package asyncigo.api;

import java.util.Map;

/**
 * Which readiness poller a loop uses, and why each other provider found was skipped. Immutable;
 * thread-safe.
 *
 * @param chosen the name of the poller in use ({@code "epoll"}, {@code "nio"}, ...)
 * @param reason why it won: {@code "forced by -Dasyncigo.poller"} or {@code "highest priority"}
 * @param skipped provider name to the reason it was not used, in discovery order
 * @since 0.1
 */
public record PollerSelection(String chosen, String reason, Map<String, String> skipped) {
  /** Copies {@code skipped}. */
  public PollerSelection {
    skipped = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(skipped));
  }
}

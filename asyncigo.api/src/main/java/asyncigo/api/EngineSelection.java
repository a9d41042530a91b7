package asyncigo.api;

import java.util.Objects;

/**
 * Which engine runs a loop's task strands, and why. Immutable; thread-safe.
 *
 * <p>Engines: {@code "virtual"} (virtual threads on the JDK's scheduler; public JDK API only) and
 * {@code "carrier"} (virtual threads whose only carrier is the loop thread: faster task switches;
 * needs {@code --add-opens java.base/java.lang=asyncigo.loop}, or {@code ALL-UNNAMED} on the class
 * path). {@code -Dasyncigo.engine=auto|virtual|carrier} chooses; {@code auto}, the default, takes
 * the fastest the JVM allows.
 *
 * @param chosen the engine in use, {@code "virtual"} or {@code "carrier"}
 * @param reason why it was chosen, for example {@code "forced by -Dasyncigo.engine=virtual"}, or,
 *     when the fast engine was not available, which flag turns it on
 * @since 0.1
 */
public record EngineSelection(String chosen, String reason) {
  /** Checks that both parts are given. */
  public EngineSelection {
    Objects.requireNonNull(chosen, "chosen");
    Objects.requireNonNull(reason, "reason");
  }
}

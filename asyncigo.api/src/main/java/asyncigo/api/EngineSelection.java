package asyncigo.api;

import java.util.Objects;

/**
 * Which engine runs a loop's task strands, and why. Immutable; thread-safe.
 *
 * <p>Engines: {@code "virtual"} (virtual threads on the JDK's scheduler; public JDK API only),
 * {@code "carrier"} (virtual threads whose only carrier is the loop thread: faster task switches;
 * needs {@code --add-opens java.base/java.lang=asyncigo.loop}) and {@code "continuation"} (each
 * task a {@code jdk.internal.vm.Continuation} run by the loop thread: the fastest switches; needs
 * {@code --add-exports java.base/jdk.internal.vm=asyncigo.loop}); {@code ALL-UNNAMED} instead of
 * the module on the class path. {@code -Dasyncigo.engine=auto|virtual|carrier|continuation}
 * chooses; {@code auto}, the default, takes the fastest the JVM allows.
 *
 * @param chosen the engine in use, {@code "virtual"}, {@code "carrier"} or {@code
 *     "continuation"}
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

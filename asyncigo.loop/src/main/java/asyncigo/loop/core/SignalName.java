package asyncigo.loop.core;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The signal names {@link asyncigo.api.Loop#onSignal} accepts: parses {@code "TERM"} or {@code
 * "SIGTERM"} to {@code "TERM"}, and refuses, naming the signal and why, one that a process cannot
 * catch, that the JVM keeps for itself, or that is unknown.
 *
 * <p>USR2 is refused although the JVM would install a handler for it: HotSpot uses it on Linux
 * to suspend threads (JFR's execution sampler, profilers), and a Java handler in its place
 * silently stops that (measured: a JFR recording then has no execution sample).
 */
final class SignalName {
  /** The signals a loop may handle. */
  static final Set<String> SUPPORTED =
      Set.of(
          "HUP", "INT", "TERM", "USR1", "WINCH", "ALRM", "CHLD", "CONT", "TSTP", "TTIN", "TTOU",
          "URG");

  private static final Map<String, String> REFUSED =
      Map.ofEntries(
          Map.entry("KILL", "a process cannot catch it"),
          Map.entry("STOP", "a process cannot catch it"),
          Map.entry("QUIT", "the JVM uses it to print thread dumps"),
          Map.entry("USR2", "HotSpot uses it to suspend threads (JFR sampling, profilers)"),
          Map.entry("SEGV", "the JVM uses it"),
          Map.entry("BUS", "the JVM uses it"),
          Map.entry("FPE", "the JVM uses it"),
          Map.entry("ILL", "the JVM uses it"),
          Map.entry("TRAP", "the JVM uses it"),
          Map.entry("PIPE", "the JVM ignores it so that writes to a closed socket fail instead"),
          Map.entry("PROF", "profilers use it"),
          Map.entry("VTALRM", "profilers use it"));

  private SignalName() {}

  /**
   * The name without its {@code SIG} prefix, in upper case.
   *
   * @throws NullPointerException if name is null
   * @throws IllegalArgumentException if the signal cannot be handled, naming it and why
   */
  static String parse(String name) {
    if (name == null) {
      throw new NullPointerException("signal name must not be null");
    }
    String upper = name.strip().toUpperCase(Locale.ROOT);
    String bare = upper.startsWith("SIG") ? upper.substring(3) : upper;
    if (SUPPORTED.contains(bare)) {
      return bare;
    }
    String why = REFUSED.get(bare);
    if (why != null) {
      throw new IllegalArgumentException(
          "Loop.onSignal: signal " + name + " cannot be handled: " + why);
    }
    throw new IllegalArgumentException(
        "Loop.onSignal: unknown signal '" + name + "'; expected one of HUP, INT, TERM, USR1,"
            + " WINCH, ALRM, CHLD, CONT, TSTP, TTIN, TTOU, URG (with or without SIG)");
  }
}

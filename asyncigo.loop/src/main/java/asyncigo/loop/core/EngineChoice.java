package asyncigo.loop.core;

import java.lang.reflect.Constructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the {@link Engine} that {@code -Dasyncigo.engine=auto|virtual|carrier|continuation} asks
 * for. {@code auto} (the default) takes the fastest engine the JVM allows for a loop opened on a
 * platform thread: continuation (with {@code --add-exports java.base/jdk.internal.vm}), else
 * carrier (with {@code --add-opens java.base/java.lang}), else virtual; a loop opened on a virtual
 * thread gets virtual, since it is driven by the thread that opened it and only a platform thread
 * can carry others. Detection asks the module system, so an engine that is not allowed costs no
 * warning.
 */
final class EngineChoice {
  private static final Logger LOG = LoggerFactory.getLogger(EngineChoice.class);
  static final String CONTINUATION_FLAG =
      "--add-exports java.base/jdk.internal.vm=asyncigo.loop (ALL-UNNAMED on the class path)";
  static final String CARRIER_FLAG =
      "--add-opens java.base/java.lang=asyncigo.loop (ALL-UNNAMED on the class path)";

  private EngineChoice() {}

  /** The engine the system property asks for, for a loop opened on this thread. */
  static Engine create() {
    return create(System.getProperty("asyncigo.engine", "auto"));
  }

  /** The engine {@code -Dasyncigo.engine=wanted} asks for, for a loop opened on this thread. */
  static Engine create(String wanted) {
    return switch (wanted) {
      case "virtual" -> new VirtualEngine("forced by -Dasyncigo.engine=virtual");
      case "carrier" -> {
        Constructor<?> builder = CarrierEngine.builderConstructor();
        if (builder == null) {
          throw new IllegalStateException(
              "-Dasyncigo.engine=carrier needs " + CARRIER_FLAG + ": " + CarrierEngine.unavailable);
        }
        yield new CarrierEngine(builder, "forced by -Dasyncigo.engine=carrier");
      }
      case "continuation" -> {
        if (!ContinuationEngine.allowed()) {
          throw new IllegalStateException(
              "-Dasyncigo.engine=continuation needs " + CONTINUATION_FLAG);
        }
        yield new ContinuationEngine("forced by -Dasyncigo.engine=continuation");
      }
      case "auto" -> auto();
      default ->
          throw new IllegalArgumentException(
              "unknown -Dasyncigo.engine="
                  + wanted
                  + "; use auto, virtual, carrier or continuation");
    };
  }

  private static Engine auto() {
    if (Thread.currentThread().isVirtual()) {
      return new VirtualEngine("the loop was opened on a virtual thread, which cannot carry others");
    }
    if (ContinuationEngine.allowed()) {
      return new ContinuationEngine("the fastest engine this JVM allows");
    }
    Constructor<?> builder = CarrierEngine.builderConstructor();
    if (builder != null) {
      return new CarrierEngine(
          builder,
          "the fastest engine this JVM allows; the continuation engine needs " + CONTINUATION_FLAG);
    }
    String why =
        "the faster engines need "
            + CONTINUATION_FLAG
            + " (continuation) or "
            + CARRIER_FLAG
            + " (carrier)";
    LOG.debug("asyncigo engine: virtual; {}", why);
    return new VirtualEngine(why);
  }
}

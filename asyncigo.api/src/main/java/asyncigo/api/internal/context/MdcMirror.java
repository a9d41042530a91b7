package asyncigo.api.internal.context;

import java.util.function.Consumer;
import org.slf4j.MDC;

/**
 * The mirror of {@link asyncigo.api.TaskLocal#mdc}: puts the value into slf4j's MDC under its
 * key, or removes the key for null. Loaded only when {@code mdc} is called, so asyncigo.api needs
 * slf4j only then.
 */
public final class MdcMirror implements Consumer<String> {
  private final String key;

  /**
   * Mirrors values into the MDC under {@code key}.
   *
   * @param key the MDC key
   */
  public MdcMirror(String key) {
    this.key = key;
  }

  @Override
  public void accept(String value) {
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
  }
}

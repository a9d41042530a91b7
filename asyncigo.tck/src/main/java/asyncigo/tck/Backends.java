package asyncigo.tck;

import asyncigo.api.spi.PollerProvider;
import java.util.ServiceLoader;

/**
 * Finds a poller provider by name for a contract test. Thread-safe.
 *
 * @since 0.1
 */
public final class Backends {
  private Backends() {}

  /**
   * The provider named {@code name} on the module path (or class path).
   *
   * @param name the provider's name, such as {@code "epoll"}
   * @return the provider, available or not
   * @throws IllegalStateException if none has that name; the message lists the names found
   */
  public static PollerProvider provider(String name) {
    StringBuilder found = new StringBuilder();
    for (PollerProvider p : ServiceLoader.load(PollerProvider.class)) {
      if (p.name().equals(name)) {
        return p;
      }
      found.append(' ').append(p.name());
    }
    throw new IllegalStateException("no poller provider named " + name + "; found:" + found);
  }
}

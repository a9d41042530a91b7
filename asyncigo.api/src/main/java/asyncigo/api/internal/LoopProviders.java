package asyncigo.api.internal;

import asyncigo.api.spi.LoopProvider;
import java.util.Iterator;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Finds the loop implementation once, through {@link ServiceLoader}, and caches it. */
public final class LoopProviders {
  private LoopProviders() {}

  private static final class Holder {
    static final Object FOUND = load();
    static final Optional<LoopProvider> FOUND_PROVIDER =
        FOUND instanceof LoopProvider p ? Optional.of(p) : Optional.empty();

    private static Object load() {
      try {
        Iterator<LoopProvider> it =
            ServiceLoader.load(LoopProvider.class, LoopProviders.class.getClassLoader()).iterator();
        if (it.hasNext()) {
          return it.next();
        }
        return new IllegalStateException(
            "no asyncigo loop implementation found: put the modules asyncigo.loop and"
                + " asyncigo.poll.nio (or asyncigo.poll.epoll) on the module path or class path"
                + " (Maven: the runtime dependency io.asyncigo:asyncigo brings all three); in a"
                + " jlink image, link them with --add-modules asyncigo or --bind-services");
      } catch (ServiceConfigurationError e) {
        return new IllegalStateException("cannot load the asyncigo loop implementation: " + e, e);
      }
    }
  }

  /** The loop provider, if one could be loaded (one {@code Optional}, made once). */
  public static Optional<LoopProvider> find() {
    return Holder.FOUND_PROVIDER;
  }

  /** The loop provider, or an {@link IllegalStateException} that says why there is none. */
  public static LoopProvider require() {
    if (Holder.FOUND instanceof LoopProvider p) {
      return p;
    }
    IllegalStateException cause = (IllegalStateException) Holder.FOUND;
    throw new IllegalStateException(cause.getMessage(), cause.getCause());
  }
}

package asyncigo.api.spi;

import java.io.IOException;
import java.util.Optional;

/**
 * The service a readiness-poller backend provides ({@code provides
 * asyncigo.api.spi.PollerProvider}). The loop picks, among the available providers, the one named
 * by {@code -Dasyncigo.poller=NAME} (failing with its cause if it is unavailable), else the one
 * with the highest {@link #priority()}.
 *
 * <p>Discovery must be cheap and must never throw: the constructor does nothing native, and
 * {@link #unavailabilityCause()} probes the platform once, lazily, with one real native call.
 * Thread-safe.
 *
 * @since 0.1
 */
public interface PollerProvider {
  /** {@return a short lower-case name: {@code "epoll"}, {@code "nio"}} */
  String name();

  /** {@return the priority; higher wins: epoll uses 100, the NIO fallback 10} */
  int priority();

  /**
   * Why this backend cannot be used here (not Linux, native library failed to load, native
   * access denied, ...); empty when it is available. Never throws.
   *
   * @return the cause, or empty when the backend is available
   */
  Optional<String> unavailabilityCause();

  /** {@return whether the backend can be used here} */
  default boolean isAvailable() {
    return unavailabilityCause().isEmpty();
  }

  /**
   * Opens a new poller.
   *
   * @return the poller, owned by the loop that asked for it
   * @throws IOException if the native resources cannot be created
   * @throws IllegalStateException if the backend is unavailable (the message gives the cause)
   */
  Poller open() throws IOException;
}

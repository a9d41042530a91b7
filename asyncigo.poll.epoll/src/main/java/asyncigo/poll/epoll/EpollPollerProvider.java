package asyncigo.poll.epoll;

import asyncigo.api.spi.Poller;
import asyncigo.api.spi.PollerProvider;
import java.io.IOException;
import java.util.Optional;

/**
 * The epoll backend ({@code "epoll"}, priority 100): Linux on x86-64 or aarch64, with the JNR
 * native stack loadable and native access allowed ({@code
 * --enable-native-access=org.jnrproject.jffi} on JDK 24+). Construction does nothing native; the
 * first {@link #unavailabilityCause()} or {@link #open()} probes the platform once per process.
 * {@code -Dasyncigo.epoll.disable=true} turns the backend off. Thread-safe.
 *
 * @since 0.1
 */
public final class EpollPollerProvider implements PollerProvider {
  /** The backend's name. */
  public static final String NAME = "epoll";

  /** The kill switch: {@code -Dasyncigo.epoll.disable=true} makes the backend unavailable. */
  public static final String DISABLE_PROPERTY = "asyncigo.epoll.disable";

  /** For {@link java.util.ServiceLoader}; does nothing native. */
  public EpollPollerProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int priority() {
    return 100;
  }

  @Override
  public Optional<String> unavailabilityCause() {
    if (Boolean.getBoolean(DISABLE_PROPERTY)) {
      return Optional.of("disabled by -D" + DISABLE_PROPERTY);
    }
    try {
      return NativeProbe.result().unavailabilityCause();
    } catch (LinkageError missingJar) { // the JNR classes themselves could not be linked
      return Optional.of("native library failed to load: " + missingJar);
    }
  }

  @Override
  public Poller open() throws IOException {
    unavailabilityCause().ifPresent(cause -> {
      throw new IllegalStateException("epoll is unavailable: " + cause);
    });
    return EpollPoller.open(new Syscalls(NativeProbe.libc()), EpollEventLayout.current());
  }
}

package asyncigo.poll.nio;

import asyncigo.api.spi.Poller;
import asyncigo.api.spi.PollerProvider;
import java.io.IOException;
import java.nio.channels.Selector;
import java.util.Optional;

/**
 * The {@code "nio"} poller backend: a {@link Selector} poller that works on every platform the JDK
 * supports, so it is always available. Its priority (10) lets a native backend win where one
 * exists. Thread-safe.
 *
 * @since 0.1
 */
public final class NioPollerProvider implements PollerProvider {
  static final String NAME = "nio";

  /** Does nothing: discovery stays cheap (required by {@link java.util.ServiceLoader}). */
  public NioPollerProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int priority() {
    return 10;
  }

  /** Always empty: the JDK's own selector needs nothing the platform might lack. */
  @Override
  public Optional<String> unavailabilityCause() {
    return Optional.empty();
  }

  @Override
  public Poller open() throws IOException {
    return new NioPoller(Selector.open());
  }

  @Override
  public String toString() {
    return "NioPollerProvider[" + NAME + "]";
  }
}

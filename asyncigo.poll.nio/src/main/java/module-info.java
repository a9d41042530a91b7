/**
 * The portable readiness poller: a {@link java.nio.channels.Selector} behind the {@link
 * asyncigo.api.spi.Poller} SPI, named {@code "nio"} with priority 10 (the fallback when no native
 * backend is available). It exports nothing: the loop finds it through {@link
 * java.util.ServiceLoader}.
 */
module asyncigo.poll.nio {
  requires asyncigo.api;

  provides asyncigo.api.spi.PollerProvider with
      asyncigo.poll.nio.NioPollerProvider;
}

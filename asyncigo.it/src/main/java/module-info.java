/**
 * Integration tests of discovery and swapping, run on the module path only. Requires the API and
 * no implementation: the loop and the pollers are on the module path and found by {@link
 * java.util.ServiceLoader}. {@link asyncigo.it.PollerReport} is the main that the tests launch in
 * child JVMs with modules taken off the module path.
 */
module asyncigo.it {
  requires asyncigo.api;

  // The tests list the providers themselves.
  uses asyncigo.api.spi.LoopProvider;
  uses asyncigo.api.spi.PollerProvider;
}

/**
 * Contract test suites (JUnit Jupiter) for poller backends and the transports built on them. A
 * backend module subclasses each contract in its tests and names its provider.
 */
module asyncigo.tck {
  requires transitive asyncigo.api;
  requires transitive org.junit.jupiter.api;
  requires transitive org.junit.jupiter.params;

  exports asyncigo.tck;

  uses asyncigo.api.spi.PollerProvider;
}

/**
 * Test utilities for code that uses asyncigo: a JUnit Jupiter extension that runs each test
 * method as the main task of a fresh loop with virtual time, injects the {@link asyncigo.api.Loop}
 * and a {@link asyncigo.test.TestClock}, and fails the test when it leaves tasks pending or a
 * failure reached the loop's exception handler.
 *
 * <p>Add {@code io.asyncigo:asyncigo.test} with test scope; it works on the module path and on the
 * class path.
 *
 * @since 0.1
 */
module asyncigo.test {
  requires transitive asyncigo.api;
  requires transitive org.junit.jupiter.api;
  exports asyncigo.test;

  uses asyncigo.api.spi.LoopProvider;
}

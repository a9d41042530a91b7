/**
 * The asyncigo event loop: provides {@link asyncigo.api.spi.LoopProvider}, finds pollers through
 * {@link asyncigo.api.spi.PollerProvider}. Users never require this module; they put it on the
 * module path.
 */
// asyncigo.test is built after this module, so javac cannot see the module the qualified export
// below names: a "module not found" warning that says nothing wrong.
@SuppressWarnings("module")
module asyncigo.loop {
  requires transitive asyncigo.api;
  requires org.slf4j;

  // asyncigo.test's TestClock needs to know whether the loop is idle.
  exports asyncigo.loop.core to asyncigo.test;

  uses asyncigo.api.spi.PollerProvider;

  provides asyncigo.api.spi.LoopProvider with
      asyncigo.loop.core.RealLoopProvider;
}

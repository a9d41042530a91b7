/**
 * The asyncigo event loop: provides {@link asyncigo.api.spi.LoopProvider}, finds pollers through
 * {@link asyncigo.api.spi.PollerProvider}. Users never require this module; they put it on the
 * module path.
 */
module asyncigo.loop {
  requires transitive asyncigo.api;
  requires org.slf4j;
  // JFR events (asyncigo.loop.jfr): recorded only while a recording runs.
  requires jdk.jfr;
  // Loop.onSignal: sun.misc.Signal, the JDK's supported way for a library to handle signals.
  requires jdk.unsupported;

  uses asyncigo.api.spi.PollerProvider;

  provides asyncigo.api.spi.LoopProvider with
      asyncigo.loop.core.RealLoopProvider;
}

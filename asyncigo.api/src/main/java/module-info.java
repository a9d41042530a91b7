/**
 * asyncigo's public API: event loops, futures, tasks, streams, async iterators and
 * synchronization primitives, plus the service interfaces that implementations provide.
 *
 * <p>User code writes {@code requires asyncigo.api;} and nothing else. The loop implementation
 * ({@link asyncigo.api.spi.LoopProvider}) and the readiness pollers
 * ({@link asyncigo.api.spi.PollerProvider}) are found on the module path by {@link
 * java.util.ServiceLoader}; put a backend module on the module path or take it off to swap it.
 */
@SuppressWarnings("module") // the qualified export names a module compiled after this one
module asyncigo.api {
  exports asyncigo.api;
  exports asyncigo.api.iter;
  exports asyncigo.api.net;
  exports asyncigo.api.process;
  exports asyncigo.api.spi;
  exports asyncigo.api.sync;
  // The task-local context: the loop keeps it in its tasks and hands it to the threads it starts.
  exports asyncigo.api.internal.context to asyncigo.loop;

  // Only TaskLocal.mdc uses it: an application that logs through slf4j has it.
  requires static org.slf4j;

  uses asyncigo.api.spi.LoopProvider;
}

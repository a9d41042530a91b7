package asyncigo.loop.core;

/**
 * The default engine, public JDK API only: each task is a virtual thread on the JDK's scheduler,
 * and the driver parks until the baton comes back.
 */
final class VirtualEngine extends ThreadEngine {
  VirtualEngine(String reason) {
    super("virtual", reason);
  }

  @Override
  Thread newStrand(RealTask<?> task, String name) {
    return Thread.ofVirtual().name(name).inheritInheritableThreadLocals(false).unstarted(task);
  }

  @Override
  void driverWait(Thread driver) {
    awaitBaton();
  }
}

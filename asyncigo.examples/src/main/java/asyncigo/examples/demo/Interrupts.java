package asyncigo.examples.demo;

/** Tells a long-running command that the user asked it to stop. */
@FunctionalInterface
interface Interrupts {
  /**
   * Runs {@code action} on another thread when the user interrupts the process; the process ends
   * once the action has returned, so the action waits for the command's cleanup.
   */
  void onInterrupt(Runnable action);

  /** Ctrl-C and SIGTERM, through a JVM shutdown hook. */
  static Interrupts shutdownHooks() {
    return action -> Runtime.getRuntime().addShutdownHook(new Thread(action, "asyncigo-interrupt"));
  }
}

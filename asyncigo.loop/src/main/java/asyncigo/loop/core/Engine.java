package asyncigo.loop.core;

import asyncigo.api.EngineSelection;

/**
 * An engine: how each task body gets a stack of its own, and how the baton (the right to touch
 * loop state) passes between the driver and the task strands. It knows nothing of what runs
 * next: that is the {@link Scheduler}'s policy, which names the next holder at every switch.
 *
 * <p>Implementation overview. Three engines: {@link VirtualEngine} and {@link CarrierEngine}
 * ({@link ThreadEngine}s: one virtual thread per task, the baton a volatile owner field with
 * park/unpark) and {@link ContinuationEngine} (one {@code jdk.internal.vm.Continuation} per task,
 * all run by the driver thread). A strand is made lazily, the first time its task gets the baton;
 * the engine keeps it in {@code RealTask.strand}. A strand's entry point is its task itself
 * ({@link RealTask#run}: a virtual thread's {@code Runnable}, a continuation's body), which calls
 * the task's body directly, so no frame of the engine lies under the body of a suspended task;
 * around the body it calls {@link #strandStarts} and, through the scheduler, which names the next
 * holder, {@link #strandEnds}. {@code
 * -Dasyncigo.engine=auto|virtual|carrier|continuation} chooses ({@link EngineChoice}). One
 * instance per loop; loop-confined except {@link #owner} and {@link #selection}.
 */
sealed interface Engine permits ThreadEngine, ContinuationEngine {
  /** Which engine this is and why it was chosen. Thread-safe. */
  EngineSelection selection();

  /** The engine's name: "virtual", "carrier" or "continuation". Thread-safe. */
  default String name() {
    return selection().chosen();
  }

  /** On a task's new strand, before the task's body: returns once the strand holds the baton. */
  void strandStarts();

  /**
   * On the strand of {@code task}, whose body has settled it: gives the baton to {@code next}
   * (null: the driver); the strand then ends, without touching loop state.
   */
  void strandEnds(RealTask<?> task, RealTask<?> next);

  /** Throws if {@code driver} cannot drive a loop on this engine; before any state change. */
  default void checkDriver(Thread driver) {}

  /** The thread holding the baton (or owning the loop while it does not run). Thread-safe. */
  Thread owner();

  /**
   * On the driver: gives the baton to {@code task} (starting its strand the first time) and
   * returns once the baton is back with the driver.
   */
  void resumeFromDriver(RealTask<?> task);

  /**
   * On the strand of {@code me}, a task that holds the baton: gives it to {@code next} (null: the
   * driver) and returns once {@code me} holds it again. When the engine cannot suspend {@code me}
   * here it throws {@link IllegalStateException} having changed nothing: the baton stays with
   * {@code me}.
   */
  void switchFrom(RealTask<?> me, RealTask<?> next);

  /** The frames of {@code task}'s strand, suspended or running; empty before it starts. */
  StackTraceElement[] stackOf(RealTask<?> task);
}

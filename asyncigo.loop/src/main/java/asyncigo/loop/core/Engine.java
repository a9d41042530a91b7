package asyncigo.loop.core;

import asyncigo.api.EngineSelection;
import java.util.function.Function;

/**
 * An engine: how each task body gets a stack of its own, and how the baton (the right to touch
 * loop state) passes between the driver and the task strands. It knows nothing of what runs
 * next: that is the {@link Scheduler}'s policy, which names the next holder at every switch.
 *
 * <p>Implementation overview. Three engines: {@link VirtualEngine} and {@link CarrierEngine}
 * ({@link ThreadEngine}s: one virtual thread per task, the baton a volatile owner field with
 * park/unpark) and {@link ContinuationEngine} (one {@code jdk.internal.vm.Continuation} per task,
 * all run by the driver thread). A strand is made lazily, the first time its task gets the baton;
 * the engine keeps it in {@code RealTask.strand}. Every strand runs the scheduler's strand body
 * ({@link #attach}), which runs the task's body and names who gets the baton after it. {@code
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

  /**
   * Gives every strand its body: runs the task's body and returns the task to hand the baton to
   * next (null: the driver). Called once, before the loop runs.
   */
  void attach(Function<RealTask<?>, RealTask<?>> strandBody);

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

package asyncigo.loop.core;

import asyncigo.loop.jfr.FlightRecording;
import asyncigo.loop.jfr.LoopEvents;
import asyncigo.loop.jfr.TaskStepEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times the steps of tasks (from a resume to the next suspension) and callbacks: in debug mode it
 * warns through slf4j when one runs longer than the threshold; while a JFR recording runs it
 * commits {@code asyncigo.TaskStep} and {@code asyncigo.SlowStep} events (see {@link
 * asyncigo.loop.jfr}). Otherwise it costs a field read and a volatile read per step. Whether a
 * step is timed is decided when it starts. Loop-confined.
 */
final class SlowStepWatch {
  private static final Logger LOG = LoggerFactory.getLogger("asyncigo.loop.slow");
  private final long loopId;
  private final long thresholdNanos;
  private final boolean debug;
  private boolean timing;
  private long stepStart;
  private TaskStepEvent step;

  SlowStepWatch(long loopId, boolean debug, long thresholdNanos) {
    this.loopId = loopId;
    this.debug = debug;
    this.thresholdNanos = thresholdNanos;
  }

  void stepStarted() {
    if (debug || FlightRecording.active()) {
      timing = true;
      step = FlightRecording.active() ? LoopEvents.stepBegins() : null;
      stepStart = System.nanoTime();
    }
  }

  void stepEnded(RealTask<?> task) {
    if (timing) {
      timing = false;
      long took = System.nanoTime() - stepStart;
      if (step != null) {
        LoopEvents.stepEnds(step, loopId, task.name());
        step = null;
      }
      if (took > thresholdNanos) {
        slow(task.name(), null, took);
      }
    }
  }

  /**
   * Gives a ready entry its turn, timing it when it is a callback (a task's turn only returns
   * it: its step is timed by {@link #stepStarted} and {@link #stepEnded}).
   */
  RealTask<?> turn(ReadyEntry entry) {
    if (!debug && !FlightRecording.active()) {
      return entry.takeTurn();
    }
    long start = System.nanoTime();
    RealTask<?> task = null;
    try {
      task = entry.takeTurn();
      return task;
    } finally {
      long took = System.nanoTime() - start;
      if (task == null && took > thresholdNanos) {
        slow(null, entry, took);
      }
    }
  }

  private void slow(String task, ReadyEntry callback, long took) {
    if (debug) {
      if (task != null) {
        LOG.warn(
            "Executing step of task {} took {} ms (threshold {} ms)",
            task,
            took / 1_000_000,
            thresholdNanos / 1_000_000);
      } else {
        LOG.warn("Executing callback {} took {} ms", callback, took / 1_000_000);
      }
    }
    if (FlightRecording.active()) {
      LoopEvents.slowStep(loopId, task, callback, took, thresholdNanos);
    }
  }
}

package asyncigo.loop.core;

/**
 * What the scheduler's ready queue holds: a task to resume (or start) or a callback to run. One
 * entry kind, so the scheduler dispatches with one interface call instead of type tests.
 */
interface ReadyEntry {

  /**
   * Takes this entry's turn at the head of the ready queue, on the strand that holds the baton. A
   * callback runs and returns null; a task returns itself, for the scheduler to switch to it, or
   * null when it had nothing to run (cancelled before its first step, it settles instead).
   *
   * @return the task to resume, or null when the turn is over
   */
  RealTask<?> takeTurn();
}

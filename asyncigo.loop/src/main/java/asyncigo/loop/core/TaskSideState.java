package asyncigo.loop.core;

import asyncigo.api.internal.context.TaskContext;

/**
 * The state of a {@link RealTask} that most tasks never use, allocated on first use so that a
 * plain task (never cancelled, no task-local values, no debug mode, no failure) does not carry
 * it: its cancellation requests and shields, its task-local context, where it was created, and
 * the tracking of its unretrieved failure. Loop-confined, except {@link #creationSite}, which is
 * written before the task is published.
 */
final class TaskSideState {
  /** Where the task was spawned (debug mode), or null. */
  StackTraceElement[] creationSite;
  /** Cancellation requests not withdrawn; see {@link RealTask}. */
  int cancelRequests;
  /** Whether a CancelledException reached the body since the requests became pending. */
  boolean cancellationThrown;
  /** How many {@code shielded} blocks the task is in. */
  int shieldDepth;
  /** Whether the task's failure was looked at. */
  boolean failureRetrieved;
  /** The reporter's record of the task's unretrieved failure, or null. */
  FailureReporter.Watch failureWatch;
  /** The task's task-local values. */
  TaskContext context = TaskContext.EMPTY;
}

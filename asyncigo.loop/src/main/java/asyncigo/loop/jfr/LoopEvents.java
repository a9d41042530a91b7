package asyncigo.loop.jfr;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Commits the loop's JFR events. Each method is called only while {@link
 * FlightRecording#active()}, and allocates and fills its event only if the recording enabled
 * that event type. Called on the loop's thread.
 */
public final class LoopEvents {
  private LoopEvents() {}

  private static final int MAX_STACK_CHARS = 8192;

  public static void taskCreated(long loop, String task, String spawner) {
    TaskCreatedEvent e = new TaskCreatedEvent();
    if (e.isEnabled()) {
      e.loop = loop;
      e.task = task;
      e.spawner = spawner;
      e.commit();
    }
  }

  /** A begun step event, or null if steps are not recorded. */
  public static TaskStepEvent stepBegins() {
    TaskStepEvent e = new TaskStepEvent();
    if (!e.isEnabled()) {
      return null;
    }
    e.begin();
    return e;
  }

  public static void stepEnds(TaskStepEvent e, long loop, String task) {
    e.end();
    if (e.shouldCommit()) {
      e.loop = loop;
      e.task = task;
      e.commit();
    }
  }

  public static void taskFinished(long loop, String task, String state, Throwable failure) {
    TaskFinishedEvent e = new TaskFinishedEvent();
    if (e.isEnabled()) {
      e.loop = loop;
      e.task = task;
      e.state = state;
      e.failure = failure == null ? null : failure.toString();
      e.commit();
    }
  }

  /** A step of {@code task}, or {@code callback}, took {@code took} ns, over {@code threshold}. */
  public static void slowStep(
      long loop, String task, Object callback, long took, long threshold) {
    SlowStepEvent e = new SlowStepEvent();
    if (e.isEnabled()) {
      e.loop = loop;
      e.task = task;
      e.callback = callback == null ? null : callback.toString();
      e.took = took;
      e.threshold = threshold;
      e.commit();
    }
  }

  /** A begun poll event, or null if polls are not recorded. */
  public static PollWaitEvent pollBegins() {
    PollWaitEvent e = new PollWaitEvent();
    if (!e.isEnabled()) {
      return null;
    }
    e.begin();
    return e;
  }

  public static void pollEnds(PollWaitEvent e, long loop, long timeoutNanos, int events) {
    e.end();
    if (e.shouldCommit()) {
      e.loop = loop;
      e.timeout = timeoutNanos < 0 ? -1 : timeoutNanos;
      e.events = events;
      e.commit();
    }
  }

  public static void taskTree(long loop, int tasks, String dump) {
    TaskTreeEvent e = new TaskTreeEvent();
    if (e.isEnabled()) {
      e.loop = loop;
      e.tasks = tasks;
      e.dump = dump;
      e.commit();
    }
  }

  public static void unhandledFailure(long loop, String message, String task, Throwable failure) {
    UnhandledFailureEvent e = new UnhandledFailureEvent();
    if (e.isEnabled()) {
      e.loop = loop;
      e.message = message;
      e.task = task;
      e.exception = failure.toString();
      StringWriter trace = new StringWriter();
      failure.printStackTrace(new PrintWriter(trace));
      String text = trace.toString();
      e.exceptionStack = text.length() > MAX_STACK_CHARS ? text.substring(0, MAX_STACK_CHARS) : text;
      e.commit();
    }
  }
}

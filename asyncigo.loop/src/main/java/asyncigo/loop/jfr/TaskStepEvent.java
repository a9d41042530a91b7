package asyncigo.loop.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * {@code asyncigo.TaskStep}: one step of a task, from a resume to its next suspension, on the
 * task's own thread. Off by default (one event per step: set a threshold).
 */
@Name("asyncigo.TaskStep")
@Label("Task Step")
@Category("asyncigo")
@Description("One step of a task: from a resume to its next suspension")
@Enabled(false)
@StackTrace(false)
public final class TaskStepEvent extends jdk.jfr.Event {
  @Label("Loop")
  long loop;

  @Label("Task")
  String task;
}

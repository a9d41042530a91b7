package asyncigo.loop.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** {@code asyncigo.TaskFinished}: a task's result settled. Off by default. */
@Name("asyncigo.TaskFinished")
@Label("Task Finished")
@Category("asyncigo")
@Description("A task is done: succeeded, failed or cancelled")
@Enabled(false)
@StackTrace(false)
public final class TaskFinishedEvent extends jdk.jfr.Event {
  @Label("Loop")
  long loop;

  @Label("Task")
  String task;

  @Label("State")
  @Description("SUCCEEDED, FAILED or CANCELLED")
  String state;

  @Label("Failure")
  @Description("The exception of a failed task, as its toString")
  String failure;
}

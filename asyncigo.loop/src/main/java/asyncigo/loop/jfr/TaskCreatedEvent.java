package asyncigo.loop.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** {@code asyncigo.TaskCreated}: a task was spawned; its stack trace is where. Off by default. */
@Name("asyncigo.TaskCreated")
@Label("Task Created")
@Category("asyncigo")
@Description("A task was spawned; the stack trace shows where")
@Enabled(false)
public final class TaskCreatedEvent extends jdk.jfr.Event {
  @Label("Loop")
  @Description("The loop's number, in the order loops were opened in this JVM")
  long loop;

  @Label("Task")
  String task;

  @Label("Spawned By")
  @Description("The task that spawned it; none for a main task or a task spawned by a callback")
  String spawner;
}

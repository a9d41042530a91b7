package asyncigo.loop.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

/**
 * {@code asyncigo.TaskTree}: periodically, each running loop's {@code dumpTasks()}: every live
 * task with its state, await and stack, and the tree of who spawned whom. The way to see a
 * running process's tasks from outside it: {@code jcmd <pid> JFR.start
 * +asyncigo.TaskTree#enabled=true ...}. Each loop commits its own event on its own thread in its
 * next iteration, so a loop stuck in a step sends none. Off by default; every 5 s when enabled.
 */
@Name("asyncigo.TaskTree")
@Label("Task Tree")
@Category("asyncigo")
@Description("A running loop's tasks: state, await, stack, and who spawned whom")
@Enabled(false)
@Period("5 s")
@StackTrace(false)
public final class TaskTreeEvent extends jdk.jfr.Event {
  @Label("Loop")
  long loop;

  @Label("Tasks")
  @Description("Live tasks")
  int tasks;

  @Label("Dump")
  @Description("The loop's dumpTasks(), the task tree at its end")
  String dump;
}

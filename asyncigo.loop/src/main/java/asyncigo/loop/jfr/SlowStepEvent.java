package asyncigo.loop.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Timespan;

/**
 * {@code asyncigo.SlowStep}: a step of a task (or a callback) held the loop longer than the loop's
 * slow threshold ({@code LoopOptions.slowThreshold}, 100 ms by default), whether debug mode is on
 * or not. Committed when the step ends, so for a task its stack trace is where the task suspended
 * after the slow code. On by default.
 */
@Name("asyncigo.SlowStep")
@Label("Slow Step")
@Category("asyncigo")
@Description("A task step or callback held the loop longer than the slow threshold")
public final class SlowStepEvent extends jdk.jfr.Event {
  @Label("Loop")
  long loop;

  @Label("Task")
  @Description("The task whose step was slow; none for a callback")
  String task;

  @Label("Callback")
  @Description("The callback that was slow; none for a task step")
  String callback;

  @Label("Took")
  @Timespan
  long took;

  @Label("Threshold")
  @Timespan
  long threshold;
}

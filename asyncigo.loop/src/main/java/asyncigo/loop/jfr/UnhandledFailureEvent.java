package asyncigo.loop.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * {@code asyncigo.UnhandledFailure}: a failure went to the loop's exception handler (a task
 * failure nobody retrieved, a callback that threw). On by default.
 */
@Name("asyncigo.UnhandledFailure")
@Label("Unhandled Failure")
@Category("asyncigo")
@Description("A failure nobody else could observe went to the loop's exception handler")
@StackTrace(false)
public final class UnhandledFailureEvent extends jdk.jfr.Event {
  @Label("Loop")
  long loop;

  @Label("Message")
  String message;

  @Label("Task")
  @Description("The task that failed; none for a callback")
  String task;

  @Label("Exception")
  @Description("The exception's class and message")
  String exception;

  @Label("Exception Stack Trace")
  @Description("The exception's stack trace, as printed (cut at 8 KiB)")
  String exceptionStack;
}

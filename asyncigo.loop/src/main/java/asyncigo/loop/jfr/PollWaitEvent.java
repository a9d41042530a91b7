package asyncigo.loop.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * {@code asyncigo.PollWait}: one call of the poller: how long the loop waited for I/O (its
 * duration) and how many ready channels it got. Off by default.
 */
@Name("asyncigo.PollWait")
@Label("Poll Wait")
@Category("asyncigo")
@Description("The loop polled for I/O readiness: how long it waited and how many events it got")
@Enabled(false)
@StackTrace(false)
public final class PollWaitEvent extends jdk.jfr.Event {
  @Label("Loop")
  long loop;

  @Label("Timeout")
  @Description("The longest the poll could wait; 0 for a look without waiting, -1 for no limit")
  @Timespan
  long timeout;

  @Label("Events")
  @Description("Ready channels reported")
  int events;
}

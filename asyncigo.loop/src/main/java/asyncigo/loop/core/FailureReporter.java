package asyncigo.loop.core;

import asyncigo.api.Task;
import asyncigo.api.UnhandledFailure;
import asyncigo.loop.jfr.FlightRecording;
import asyncigo.loop.jfr.LoopEvents;
import java.lang.ref.Cleaner;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers failures nobody else can observe to the loop's exception handler, never dropping one.
 *
 * <p>A task that fails is "unretrieved" until someone awaits it, asks for its result or exception,
 * or a combinator looks at it. An unretrieved failure is reported either when the task object
 * becomes unreachable (a {@link Cleaner}, like asyncio's report at garbage collection), or when
 * the loop's {@code run} ends, whichever comes first; each failure is reported at most once. The
 * pending set holds {@link Watch}es, not tasks, so it does not keep tasks alive. Loop-confined,
 * except the cleaner action, which hands its report to the loop (or logs it if the loop is
 * closed).
 */
final class FailureReporter {
  private static final Logger LOG = LoggerFactory.getLogger("asyncigo.loop");
  private static final Cleaner CLEANER = Cleaner.create();

  private final Consumer<UnhandledFailure> handler;
  private final boolean debug;
  private final Set<Watch> pending = new LinkedHashSet<>();
  private RealLoop loop;

  FailureReporter(Optional<Consumer<UnhandledFailure>> handler, boolean debug) {
    this.handler = handler.orElse(FailureReporter::log);
    this.debug = debug;
  }

  void attach(RealLoop loop) {
    this.loop = loop;
  }

  /**
   * The default handler: the failure's message, which already names the task and, in debug mode,
   * where it was created, as one error line through slf4j with the exception.
   */
  static void log(UnhandledFailure f) {
    LOG.error("{}", f.message(), f.exception());
  }

  /** Whether the loop runs in debug mode. */
  boolean debug() {
    return debug;
  }

  void taskFailed(RealTask<?> task, Throwable failure) {
    Watch w = new Watch(this, failure, task, siteOf(task));
    task.failureWatch(w);
    pending.add(w);
    CLEANER.register(task, w);
  }

  private StackTraceElement[] siteOf(RealTask<?> task) {
    return debug ? task.creationSiteOrNull() : null;
  }

  void retrieved(RealTask<?> task) {
    Watch w = task.failureWatch();
    if (w != null) {
      w.retrieved = true;
      pending.remove(w);
    }
  }

  void callbackFailed(Throwable t) {
    deliver(new UnhandledFailure("Exception in callback", t, Optional.empty()));
  }

  /** Reports every failure still unretrieved; called when {@code run} ends. */
  void reportUnretrieved() {
    for (Watch w : new ArrayList<>(pending)) {
      w.report();
    }
    pending.clear();
  }

  private void deliver(UnhandledFailure f) {
    if (FlightRecording.active()) {
      LoopEvents.unhandledFailure(
          loop.id, f.message(), f.task().map(Task::name).orElse(null), f.exception());
    }
    try {
      handler.accept(f);
    } catch (Throwable t) {
      LOG.error("the loop's exception handler failed", t);
      log(f);
    }
  }

  /** One unretrieved failure; the cleaner action when its task becomes unreachable. */
  static final class Watch implements Runnable {
    private final FailureReporter reporter;
    private final Throwable failure;
    private final String taskName;
    private final WeakReference<RealTask<?>> task;
    private final StackTraceElement[] site;
    volatile boolean retrieved;
    private volatile boolean reported;

    Watch(FailureReporter reporter, Throwable failure, RealTask<?> task, StackTraceElement[] site) {
      this.reporter = reporter;
      this.failure = failure;
      this.taskName = task.name();
      this.task = new WeakReference<>(task);
      this.site = site;
    }

    /** Runs on the cleaner thread when the task became unreachable. */
    @Override
    public void run() {
      if (retrieved || reported) {
        return;
      }
      RealLoop loop = reporter.loop;
      if (loop != null && !loop.isClosed()) {
        try {
          loop.callSoonThreadsafe(this::reportFromLoop);
          return;
        } catch (IllegalStateException closedMeanwhile) {
          // fall through to logging
        }
      }
      reported = true;
      log(failure());
    }

    private void reportFromLoop() {
      reporter.pending.remove(this);
      report();
    }

    void report() {
      if (!retrieved && !reported) {
        reported = true;
        reporter.deliver(failure());
      }
    }

    private UnhandledFailure failure() {
      String where = site == null || site.length == 0 ? "" : " (created at " + site[0] + ")";
      return new UnhandledFailure(
          "Task exception was never retrieved: task " + taskName + where,
          failure,
          Optional.ofNullable(task.get()));
    }
  }
}

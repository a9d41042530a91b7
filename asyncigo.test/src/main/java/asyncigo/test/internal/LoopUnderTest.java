package asyncigo.test.internal;

import asyncigo.api.CancelledException;
import asyncigo.api.Loop;
import asyncigo.api.LoopOptions;
import asyncigo.api.Task;
import asyncigo.api.UnhandledFailure;
import asyncigo.api.spi.LoopProvider;
import asyncigo.test.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.opentest4j.AssertionFailedError;

/**
 * The loop of one test: opened before the test, runs its method as the main task, closed after.
 *
 * <p>Confined to the test's thread (JUnit runs beforeEach, the method and afterEach on one thread);
 * the unhandled failures are collected by the loop's exception handler on the loop thread, which
 * is the same thread whenever {@link #run} is not running.
 */
public final class LoopUnderTest implements AutoCloseable {
  /** The test body: JUnit's invocation of the test method. */
  @FunctionalInterface
  public interface Body {
    /** Runs the test method. */
    void run() throws Throwable;
  }

  private final Loop loop;
  private final TestClock clock;
  private final List<UnhandledFailure> unhandled;

  private LoopUnderTest(Loop loop, LoopProvider provider, List<UnhandledFailure> unhandled) {
    this.loop = loop;
    this.clock = new RealTestClock(loop, provider);
    this.unhandled = unhandled;
  }

  /** Opens a loop with {@code options} whose exception handler records every failure. */
  public static LoopUnderTest open(LoopOptions options) {
    List<UnhandledFailure> unhandled = new ArrayList<>();
    Loop loop = Loop.open(options.exceptionHandler(unhandled::add));
    LoopProvider provider =
        ServiceLoader.load(LoopProvider.class, LoopUnderTest.class.getClassLoader())
            .findFirst()
            .orElseThrow();
    return new LoopUnderTest(loop, provider, unhandled);
  }

  public Loop loop() {
    return loop;
  }

  public TestClock clock() {
    return clock;
  }

  /**
   * Runs {@code body} as the loop's main task; then runs until idle and fails if a task is still
   * pending or a failure reached the exception handler. The body's own failure wins; the
   * unhandled failures are then added to it as suppressed exceptions. When the body runs longer
   * than {@code limit} in real time (zero: no limit), it is cancelled and the test fails with the
   * task dump of that moment.
   */
  public void run(Body body, Duration limit) throws Throwable {
    MainTask main = new MainTask(body, limit);
    try {
      loop.run(main::run);
    } catch (CancelledException cancelled) {
      if (main.timedOut() == null) { // else: the body caught the watchdog's cancellation
        throw cancelled;
      }
    }
    if (main.timedOut() != null) {
      AssertionFailedError e =
          new AssertionFailedError(
              "the test ran longer than its limit of " + limit.toMillis() + " ms of real time,"
                  + " so its main task was cancelled; the tasks then:\n" + main.timedOut(),
              main.thrown);
      unhandled.forEach(f -> e.addSuppressed(f.exception()));
      throw e;
    }
    if (main.thrown != null) {
      unhandled.forEach(f -> main.thrown.addSuppressed(f.exception()));
      throw main.thrown;
    }
    if (!main.pending.isEmpty()) {
      throw new AssertionFailedError(
          "the test left " + main.pending.size() + (main.pending.size() == 1 ? " task" : " tasks")
              + " pending " + main.pending + "; they were cancelled:\n" + main.pendingDump);
    }
    if (!unhandled.isEmpty()) {
      UnhandledFailure first = unhandled.get(0);
      AssertionFailedError e =
          new AssertionFailedError(
              "a failure reached the loop's exception handler: " + describe(first),
              first.exception());
      unhandled.stream().skip(1).forEach(f -> e.addSuppressed(f.exception()));
      throw e;
    }
  }

  /** The test's main task, and what it saw: written on the loop, read after {@code run}. */
  private final class MainTask {
    private final Body body;
    private final Duration limit;
    private Watchdog watchdog;
    Throwable thrown;
    final List<String> pending = new ArrayList<>();
    String pendingDump;

    MainTask(Body body, Duration limit) {
      this.body = body;
      this.limit = limit;
    }

    Void run() {
      watchdog = Watchdog.start(loop, loop.currentTask().orElseThrow(), limit);
      try {
        body.run();
      } catch (Throwable t) {
        thrown = t;
        return null;
      } finally {
        watchdog.close();
      }
      clock.runUntilIdle();
      Task<?> me = loop.currentTask().orElseThrow();
      for (Task<?> t : loop.tasks()) {
        if (t != me) {
          pending.add(t.name());
        }
      }
      if (!pending.isEmpty()) {
        pendingDump = loop.dumpTasks();
      }
      return null;
    }

    /** The task dump taken when the watchdog cancelled this task, or null. */
    String timedOut() {
      return watchdog == null ? null : watchdog.fired();
    }
  }

  private static String describe(UnhandledFailure f) {
    return f.message() + f.task().map(t -> " (task " + t.name() + ")").orElse("");
  }

  @Override
  public void close() {
    loop.close();
  }
}

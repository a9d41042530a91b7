package asyncigo.test.internal;

import asyncigo.api.Loop;
import asyncigo.api.LoopOptions;
import asyncigo.api.Task;
import asyncigo.api.UnhandledFailure;
import asyncigo.api.spi.LoopProvider;
import asyncigo.test.TestClock;
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
   * unhandled failures are then added to it as suppressed exceptions.
   */
  public void run(Body body) throws Throwable {
    Throwable[] thrown = new Throwable[1];
    List<String> pending = new ArrayList<>();
    String[] dump = new String[1];
    loop.run(
        () -> {
          try {
            body.run();
          } catch (Throwable t) {
            thrown[0] = t;
            return null;
          }
          clock.runUntilIdle();
          Task<?> main = loop.currentTask().orElseThrow();
          for (Task<?> t : loop.tasks()) {
            if (t != main) {
              pending.add(t.name());
            }
          }
          if (!pending.isEmpty()) {
            dump[0] = loop.dumpTasks();
          }
          return null;
        });
    if (thrown[0] != null) {
      unhandled.forEach(f -> thrown[0].addSuppressed(f.exception()));
      throw thrown[0];
    }
    if (!pending.isEmpty()) {
      throw new AssertionFailedError(
          "the test left " + pending.size() + (pending.size() == 1 ? " task" : " tasks")
              + " pending " + pending + "; they were cancelled:\n" + dump[0]);
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

  private static String describe(UnhandledFailure f) {
    return f.message() + f.task().map(t -> " (task " + t.name() + ")").orElse("");
  }

  @Override
  public void close() {
    loop.close();
  }
}

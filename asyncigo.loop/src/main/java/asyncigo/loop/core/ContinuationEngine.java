package asyncigo.loop.core;

import asyncigo.api.EngineSelection;
import asyncigo.api.internal.context.TaskContext;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;

/**
 * Each task is a {@code jdk.internal.vm.Continuation} run by the driver thread itself: the driver
 * mounts a task's continuation ({@code run}), and the task gives the baton back by yielding it.
 * A switch from task to task therefore passes through the driver (a yield and a run, the JVM's
 * cheapest stackful switch), and no other thread ever runs loop code. A task's continuation runs
 * the task itself ({@link RealTask#run}, which calls the body directly, so no frame of this engine
 * lies under the body); when the body ends, {@link #strandEnds} only records the next holder, which
 * {@link #resumeFromDriver} runs after the continuation returns. Needs {@code --add-exports
 * java.base/jdk.internal.vm=asyncigo.loop} (or {@code ALL-UNNAMED} on the class path).
 *
 * <p>The baton: the loop's owner thread is always the driver; {@code next} is the task a
 * yielding or ending strand names as the next holder (null: the driver itself). Task code runs on
 * the driver thread, so plain thread-locals (and a direct {@code MDC.put}) are the driver's,
 * shared by every task; {@link asyncigo.api.TaskLocal} values are per task, and mirrored ones
 * ({@code TaskLocal.mdc}) are handed to the thread each time the task is resumed and taken back
 * when it gives the thread up. Blocking calls (a contended lock, {@code Thread.sleep}) block the
 * loop's thread, as they would in asyncio. An await inside {@code synchronized} suspends as usual
 * on JDK 24 and later (monitors no longer pin). A continuation cannot yield while its stack is
 * pinned (a native frame below the await, such as a class initializer running; on JDK 21 also a
 * held monitor): the await then throws {@link IllegalStateException}
 * naming the task and the cause, having changed nothing.
 *
 * <p>The JDK's class is reached through method handles ({@link Jdk}), bound once when the first
 * loop opens on this engine: compiling against it would need {@code --add-exports} at compile
 * time, which {@code --release} forbids. Constant method handles inline like direct calls.
 */
final class ContinuationEngine implements Engine {
  private final EngineSelection selection;
  private final Thread owner = Thread.currentThread();
  private RealTask<?> next;

  ContinuationEngine(String reason) {
    this.selection = new EngineSelection("continuation", reason);
  }

  /** Whether java.base exports jdk.internal.vm to this module; asks without any warning. */
  static boolean allowed() {
    return Object.class.getModule().isExported("jdk.internal.vm", Engine.class.getModule());
  }

  @Override
  public EngineSelection selection() {
    return selection;
  }

  @Override
  public void strandStarts() {}

  @Override
  public void strandEnds(RealTask<?> task, RealTask<?> next) {
    this.next = next;
  }

  @Override
  public void checkDriver(Thread driver) {
    if (driver.isVirtual()) {
      throw new IllegalStateException(
          "Loop.run: the continuation engine (-Dasyncigo.engine=continuation) needs a platform"
              + " thread to drive the loop, not virtual thread "
              + driver
              + "; use -Dasyncigo.engine=auto or virtual");
    }
  }

  @Override
  public Thread owner() {
    return owner;
  }

  @Override
  public void resumeFromDriver(RealTask<?> task) {
    for (RealTask<?> t = task; t != null; t = next) {
      Object c = t.strand;
      if (c == null) {
        c = Jdk.newContinuation(t);
        t.strand = c;
      }
      next = null;
      if (t.context().hasMirrors()) {
        t.context().applyMirrors();
      }
      Jdk.run(c);
      TaskContext left = t.context();
      if (left.hasMirrors()) {
        left.clearMirrors();
      }
    }
  }

  @Override
  public void switchFrom(RealTask<?> me, RealTask<?> next) {
    this.next = next;
    try {
      Jdk.yieldToDriver();
    } catch (IllegalStateException pinned) { // the JDK's onPinned: "Pinned: NATIVE" and the like
      this.next = null;
      throw new IllegalStateException(
          "task "
              + me.name()
              + " cannot suspend here on the continuation engine: its stack is pinned ("
              + pinned.getMessage()
              + ": a native frame, such as a class initializer, lies below the suspension"
              + " point); suspend outside it, or use -Dasyncigo.engine=carrier or virtual",
          pinned);
    }
  }

  @Override
  public StackTraceElement[] stackOf(RealTask<?> task) {
    Object c = task.strand;
    if (c == null) {
      return new StackTraceElement[0];
    }
    if (!Jdk.isCurrent(c)) {
      return Jdk.stackTrace(c);
    }
    StackTraceElement[] frames = new Throwable().getStackTrace();
    int end = 0;
    while (end < frames.length && !frames[end].getClassName().equals(Jdk.CONTINUATION)) {
      end++;
    }
    return Arrays.copyOf(frames, end);
  }

  /** {@code jdk.internal.vm.Continuation}, bound on first use (only once it is exported to us). */
  private static final class Jdk {
    static final String CONTINUATION = "jdk.internal.vm.Continuation";
    private static final Object SCOPE;
    private static final MethodHandle NEW;
    private static final MethodHandle RUN;
    private static final MethodHandle YIELD;
    private static final MethodHandle CURRENT;
    private static final MethodHandle STACK;

    static {
      try {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        Class<?> continuation = Class.forName(CONTINUATION);
        Class<?> scope = Class.forName("jdk.internal.vm.ContinuationScope");
        SCOPE = scope.getConstructor(String.class).newInstance("asyncigo");
        NEW =
            lookup
                .findConstructor(continuation, MethodType.methodType(void.class, scope, Runnable.class))
                .bindTo(SCOPE)
                .asType(MethodType.methodType(Object.class, Runnable.class));
        RUN =
            lookup
                .findVirtual(continuation, "run", MethodType.methodType(void.class))
                .asType(MethodType.methodType(void.class, Object.class));
        YIELD =
            MethodHandles.insertArguments(
                lookup.findStatic(
                    continuation, "yield", MethodType.methodType(boolean.class, scope)),
                0,
                SCOPE);
        CURRENT =
            MethodHandles.insertArguments(
                    lookup.findStatic(
                        continuation,
                        "getCurrentContinuation",
                        MethodType.methodType(continuation, scope)),
                    0,
                    SCOPE)
                .asType(MethodType.methodType(Object.class));
        STACK =
            lookup
                .findVirtual(
                    continuation, "getStackTrace", MethodType.methodType(StackTraceElement[].class))
                .asType(MethodType.methodType(StackTraceElement[].class, Object.class));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("the continuation engine cannot reach " + CONTINUATION, e);
      }
    }

    private Jdk() {}

    static Object newContinuation(Runnable body) {
      try {
        return (Object) NEW.invokeExact(body);
      } catch (Throwable t) {
        throw rethrow(t);
      }
    }

    static void run(Object continuation) {
      try {
        RUN.invokeExact(continuation);
      } catch (Throwable t) {
        throw rethrow(t);
      }
    }

    static void yieldToDriver() {
      try {
        boolean unused = (boolean) YIELD.invokeExact();
      } catch (Throwable t) {
        throw rethrow(t);
      }
    }

    static boolean isCurrent(Object continuation) {
      try {
        return (Object) CURRENT.invokeExact() == continuation;
      } catch (Throwable t) {
        throw rethrow(t);
      }
    }

    static StackTraceElement[] stackTrace(Object continuation) {
      try {
        return (StackTraceElement[]) STACK.invokeExact(continuation);
      } catch (Throwable t) {
        throw rethrow(t);
      }
    }

    private static RuntimeException rethrow(Throwable t) {
      if (t instanceof RuntimeException r) {
        throw r;
      }
      if (t instanceof Error e) {
        throw e;
      }
      throw new IllegalStateException(t);
    }
  }
}

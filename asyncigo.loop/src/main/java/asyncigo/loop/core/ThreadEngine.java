package asyncigo.loop.core;

import asyncigo.api.EngineSelection;
import java.util.concurrent.locks.LockSupport;

/**
 * The engines whose strands are virtual threads, one per task: the baton is the volatile {@code
 * owner} field; {@link #transfer} writes it and unparks the new holder, {@link #awaitBaton} parks
 * until the caller holds it. The volatile write and read order every loop-state access of one
 * strand before the next strand's. A task switch goes from strand to strand without passing
 * through the driver; subclasses say how strands are made and how the driver waits meanwhile. A
 * strand never inherits {@link InheritableThreadLocal} values: it is created by whichever strand
 * holds the baton when the task first runs, which has nothing to do with the task.
 */
abstract sealed class ThreadEngine implements Engine permits VirtualEngine, CarrierEngine {
  private final EngineSelection selection;
  private volatile Thread owner = Thread.currentThread();
  private Thread driver;

  ThreadEngine(String name, String reason) {
    this.selection = new EngineSelection(name, reason);
  }

  @Override
  public final EngineSelection selection() {
    return selection;
  }

  @Override
  public final void strandStarts() {
    awaitBaton();
  }

  @Override
  public final void strandEnds(RealTask<?> task, RealTask<?> next) {
    strandFinished(Thread.currentThread());
    transfer(next);
  }

  @Override
  public final Thread owner() {
    return owner;
  }

  /** An unstarted virtual thread that runs {@code task}, named {@code name} (empty: unnamed). */
  abstract Thread newStrand(RealTask<?> task, String name);

  /** What {@link #handingTo} needs to know about {@code strand}; computed once per strand. */
  Object token(Thread strand) {
    return null;
  }

  /** Called just before the baton goes to the started strand with this token. */
  void handingTo(Object strandToken) {}

  /** Called on a strand whose task body has finished, just before the strand ends. */
  void strandFinished(Thread strand) {}

  /** On the driver: waits until the driver holds the baton again. */
  abstract void driverWait(Thread driver);

  /** Whether {@code thread} holds the baton. */
  final boolean holds(Thread thread) {
    return owner == thread;
  }

  @Override
  public final void resumeFromDriver(RealTask<?> task) {
    Thread me = Thread.currentThread();
    driver = me;
    transfer(task);
    driverWait(me);
  }

  @Override
  public final void switchFrom(RealTask<?> me, RealTask<?> next) {
    transfer(next);
    // awaitBaton(), inlined: one frame less in the stack of every suspended task.
    Thread strand = Thread.currentThread();
    while (owner != strand) {
      LockSupport.park(this);
    }
  }

  @Override
  public final StackTraceElement[] stackOf(RealTask<?> task) {
    return task.strand instanceof Thread t ? t.getStackTrace() : new StackTraceElement[0];
  }

  /** Parks the calling strand until it holds the baton. */
  final void awaitBaton() {
    Thread me = Thread.currentThread();
    while (owner != me) {
      LockSupport.park(this);
    }
  }

  private void transfer(RealTask<?> next) {
    if (next == null) {
      owner = driver;
      LockSupport.unpark(driver);
      return;
    }
    if (next.strand instanceof Thread t) {
      handingTo(next.strandToken);
      owner = t;
      LockSupport.unpark(t);
      return;
    }
    Thread t = newStrand(next, next.strandName());
    next.strand = t;
    next.strandToken = token(t);
    owner = t;
    t.start();
  }
}

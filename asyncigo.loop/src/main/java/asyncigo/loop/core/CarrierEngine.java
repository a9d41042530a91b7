package asyncigo.loop.core;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Each task is a virtual thread whose scheduler is this loop's own run queue, and the driver
 * thread is its only carrier: while a task holds the baton, the driver runs the queued
 * virtual-thread continuations itself, so handing the baton over never wakes another OS thread.
 * It needs the package-private {@code VirtualThreadBuilder(Executor)} constructor, reachable only
 * with {@code --add-opens java.base/java.lang=asyncigo.loop} (or {@code ALL-UNNAMED} on the class
 * path). A virtual thread created by task code inherits its creator's scheduler; the carrier
 * therefore runs only the continuations of its own strands and forwards every other one to the
 * JDK's default scheduler, so such threads (and {@code toThread} workers) never wait for the loop.
 */
final class CarrierEngine extends ThreadEngine implements Executor {
  static volatile String unavailable = "";
  private static volatile Constructor<?> cached;
  private static volatile Field continuationField;
  private static volatile Executor defaultScheduler;
  private static volatile boolean probed;

  private final ConcurrentLinkedQueue<Runnable> runQueue = new ConcurrentLinkedQueue<>();
  private final Set<Runnable> strands = ConcurrentHashMap.newKeySet();
  // The continuation of the strand being handed the baton; it only ever holds one of ours, so a
  // racy read from a foreign thread can only classify correctly (see execute).
  private Runnable expected;
  // Holds the one continuation a baton hand-off submits, sparing the queue's node and CASes.
  private final AtomicReference<Runnable> next = new AtomicReference<>();
  private final Thread.Builder.OfVirtual builder;
  private volatile Thread carrier;

  CarrierEngine(Constructor<?> constructor, String reason) {
    super("carrier", reason);
    try {
      builder =
          ((Thread.Builder.OfVirtual) constructor.newInstance((Executor) this))
              .inheritInheritableThreadLocals(false);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create the carrier engine", e);
    }
  }

  /** The builder's constructor, or null when java.lang is not open to this module. */
  static Constructor<?> builderConstructor() {
    if (!probed) {
      try {
        Class<?> c = Class.forName("java.lang.ThreadBuilders$VirtualThreadBuilder");
        Constructor<?> k = c.getDeclaredConstructor(Executor.class);
        k.setAccessible(true);
        Class<?> vt = Class.forName("java.lang.VirtualThread");
        Field continuation = vt.getDeclaredField("runContinuation");
        continuation.setAccessible(true);
        Field fallback = vt.getDeclaredField("DEFAULT_SCHEDULER");
        fallback.setAccessible(true);
        continuationField = continuation;
        defaultScheduler = (Executor) fallback.get(null);
        cached = k;
      } catch (ReflectiveOperationException | RuntimeException e) {
        unavailable = e.toString();
      }
      probed = true;
    }
    return cached;
  }

  @Override
  public void checkDriver(Thread driver) {
    if (driver.isVirtual()) {
      throw new IllegalStateException(
          "Loop.run: the carrier engine (-Dasyncigo.engine=carrier) needs a platform thread to"
              + " drive the loop, not virtual thread "
              + driver
              + "; use -Dasyncigo.engine=auto or virtual");
    }
  }

  @Override
  Thread newStrand(RealTask<?> task, String name) {
    Thread t = builder.name(name).unstarted(task);
    strands.add(continuationOf(t));
    return t;
  }

  @Override
  void strandFinished(Thread strand) {
    strands.remove(continuationOf(strand));
  }

  private static Runnable continuationOf(Thread t) {
    try {
      return (Runnable) continuationField.get(t);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("carrier engine lost access to VirtualThread", e);
    }
  }

  @Override
  Object token(Thread strand) {
    return continuationOf(strand);
  }

  @Override
  void handingTo(Object strandToken) {
    expected = (Runnable) strandToken;
  }

  @Override
  public void execute(Runnable continuation) {
    if (continuation != expected && !strands.contains(continuation)) {
      defaultScheduler.execute(continuation);
      return;
    }
    if (!next.compareAndSet(null, continuation)) {
      runQueue.add(continuation);
    }
    Thread c = carrier;
    if (c != null && c != Thread.currentThread()) {
      LockSupport.unpark(c);
    }
  }

  @Override
  void driverWait(Thread driver) {
    carrier = driver;
    while (!holds(driver)) {
      Runnable r = next.getAndSet(null);
      if (r == null) {
        r = runQueue.poll();
      }
      if (r != null) {
        r.run();
      } else if (!holds(driver)) {
        LockSupport.park(this);
      }
    }
  }
}

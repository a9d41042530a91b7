package asyncigo.loop.core;

import asyncigo.api.EngineSelection;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How task strands are made, and how the driver waits while a task holds the baton. Two engines:
 *
 * <ul>
 *   <li><b>virtual</b> (default; public JDK API only, no JVM flag): each task is a virtual thread
 *       on the JDK's scheduler; the driver parks until the baton comes back.
 *   <li><b>carrier</b> (fast): each task is a virtual thread whose scheduler is this loop's own
 *       run queue, and the driver thread is its only carrier: while a task holds the baton, the
 *       driver runs the queued virtual-thread continuations itself, so handing the baton over
 *       never wakes another OS thread. It needs the package-private {@code
 *       VirtualThreadBuilder(Executor)} constructor, reachable only with {@code --add-opens
 *       java.base/java.lang=asyncigo.loop} (or {@code ALL-UNNAMED} on the class path). A virtual
 *       thread created by task code inherits its creator's scheduler; the carrier therefore runs
 *       only the continuations of its own strands and forwards every other one to the JDK's
 *       default scheduler, so such threads (and {@code toThread} workers) never wait for the
 *       loop.
 * </ul>
 *
 * <p>A strand never inherits {@link InheritableThreadLocal} values: it is created by whichever
 * strand holds the baton when the task first runs, which has nothing to do with the task (what a
 * task inherits is its spawner's {@link asyncigo.api.TaskLocal} context).
 *
 * <p>{@code -Dasyncigo.engine=auto|virtual|carrier} chooses; {@code auto} (the default) takes
 * carrier when the JVM allows it and the loop is opened on a platform thread: the carrier runs
 * continuations, which a virtual thread cannot do, and a loop is driven by the thread that opened
 * it. One instance per loop; loop-confined except {@link #execute}.
 */
abstract sealed class Strands permits Strands.Virtual, Strands.Carrier {
  private static final Logger LOG = LoggerFactory.getLogger(Strands.class);
  private static final String FAST_FLAG =
      "--add-opens java.base/java.lang=asyncigo.loop (ALL-UNNAMED on the class path)";

  private final String reason;

  Strands(String reason) {
    this.reason = reason;
  }

  /** The engine name of this instance: "virtual" or "carrier". */
  abstract String name();

  /** Which engine this is and why it was chosen. */
  final EngineSelection selection() {
    return new EngineSelection(name(), reason);
  }

  /** An unstarted strand that runs {@code body}, named {@code name} (empty: unnamed). */
  abstract Thread newStrand(Runnable body, String name);

  /** Waits on the driver thread until it owns the baton again. */
  abstract void driverWait(Scheduler scheduler, Thread driver);

  /** Throws if {@code driver} cannot drive a loop on this engine; before any state change. */
  void checkDriver(Thread driver) {}

  /** Called on a strand whose task body has finished, just before the strand ends. */
  void strandFinished(Thread strand) {}

  /** What {@link #handingTo} needs to know about {@code strand}; computed once per strand. */
  Object token(Thread strand) {
    return null;
  }

  /** Called just before the baton holder unparks the strand with this token to hand it the baton. */
  void handingTo(Object strandToken) {}

  static Strands create() {
    return create(System.getProperty("asyncigo.engine", "auto"));
  }

  /** The engine {@code -Dasyncigo.engine=wanted} asks for, for a loop opened on this thread. */
  static Strands create(String wanted) {
    return switch (wanted) {
      case "virtual" -> new Virtual("forced by -Dasyncigo.engine=virtual");
      case "carrier" -> {
        Constructor<?> builder = Carrier.builderConstructor();
        if (builder == null) {
          throw new IllegalStateException(
              "-Dasyncigo.engine=carrier needs " + FAST_FLAG + ": " + Carrier.UNAVAILABLE);
        }
        yield new Carrier(builder, "forced by -Dasyncigo.engine=carrier");
      }
      case "auto" -> {
        Constructor<?> builder = Carrier.builderConstructor();
        if (builder == null) {
          String why = "the faster carrier engine needs " + FAST_FLAG;
          LOG.debug("asyncigo engine: virtual; {}", why);
          yield new Virtual(why);
        }
        if (Thread.currentThread().isVirtual()) {
          yield new Virtual("the loop was opened on a virtual thread, which cannot carry others");
        }
        yield new Carrier(builder, "the fastest engine this JVM allows");
      }
      default ->
          throw new IllegalArgumentException(
              "unknown -Dasyncigo.engine=" + wanted + "; use auto, virtual or carrier");
    };
  }

  /** Virtual threads on the JDK's default scheduler. */
  static final class Virtual extends Strands {
    Virtual(String reason) {
      super(reason);
    }

    @Override
    String name() {
      return "virtual";
    }

    @Override
    Thread newStrand(Runnable body, String name) {
      return Thread.ofVirtual().name(name).inheritInheritableThreadLocals(false).unstarted(body);
    }

    @Override
    void driverWait(Scheduler scheduler, Thread driver) {
      scheduler.awaitBaton();
    }
  }

  /** Virtual threads whose only carrier is the driver thread. */
  static final class Carrier extends Strands implements Executor {
    static volatile String UNAVAILABLE = "";
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

    Carrier(Constructor<?> constructor, String reason) {
      super(reason);
      try {
        builder =
            ((Thread.Builder.OfVirtual) constructor.newInstance((Executor) this))
                .inheritInheritableThreadLocals(false);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot create the carrier engine", e);
      }
    }

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
          UNAVAILABLE = e.toString();
        }
        probed = true;
      }
      return cached;
    }

    @Override
    String name() {
      return "carrier";
    }

    @Override
    void checkDriver(Thread driver) {
      if (driver.isVirtual()) {
        throw new IllegalStateException(
            "Loop.run: the carrier engine (-Dasyncigo.engine=carrier) needs a platform thread to"
                + " drive the loop, not virtual thread "
                + driver
                + "; use -Dasyncigo.engine=auto or virtual");
      }
    }

    @Override
    Thread newStrand(Runnable body, String name) {
      Thread t = builder.name(name).unstarted(body);
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
    void driverWait(Scheduler scheduler, Thread driver) {
      carrier = driver;
      while (scheduler.owner != driver) {
        Runnable r = next.getAndSet(null);
        if (r == null) {
          r = runQueue.poll();
        }
        if (r != null) {
          r.run();
        } else if (scheduler.owner != driver) {
          LockSupport.park(this);
        }
      }
    }
  }
}

package asyncigo.loop.core;

import asyncigo.api.CancelledException;
import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.spi.Poller;
import asyncigo.loop.io.PollerIo;
import asyncigo.loop.jfr.FlightRecording;
import asyncigo.loop.jfr.LoopEvents;
import asyncigo.loop.jfr.PollWaitEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * The loop's scheduling policy: the ready queue, the timers, the poller, and when to poll. Which
 * strand runs where, and how the baton moves, is the {@link Engine}'s business; this class only
 * names the next holder at every switch.
 *
 * <p>Implementation overview.
 *
 * <ul>
 *   <li><b>Strands.</b> The driver is the thread that called {@code run}; every task body runs on
 *       a strand of its own (see {@link Engine}), whose entry point is the task itself ({@link
 *       RealTask#run}, calling {@link #strandStarts} and {@link #strandEnds} around the body).
 *       Exactly one strand holds the baton at any instant, and only its holder touches loop
 *       state; the engine passes it on when told ({@link Engine#resumeFromDriver}, {@link
 *       Engine#switchFrom}, {@link Engine#strandEnds}).
 *   <li><b>Who runs the scheduler.</b> Whichever strand holds the baton. A task that suspends
 *       calls {@link #nextRunnable} itself: callbacks run inline, and when the next item is
 *       another task the baton goes to that task's strand (directly on the thread engines, through
 *       the driver on the continuation engine). When the next item is the suspending task itself (a lone {@code yieldNow}), there
 *       is no switch at all. When nothing is ready (no task, callback, inbox entry or due timer)
 *       the baton goes straight to the driver, the one strand allowed to block in the poller (a
 *       platform thread), whose single blocking poll is the only one of that wake-up: the
 *       suspending strand does not look at I/O first.
 *   <li><b>Iterations.</b> As in asyncio's {@code _run_once}: an iteration polls I/O (blocking
 *       only on the driver and only when nothing is ready), moves thread-safe callbacks and due
 *       timers to the ready queue, then runs the items that were ready when it began ({@code
 *       remaining}). Items queued meanwhile run in the next iteration, so a task that yields in a
 *       loop cannot starve timers, I/O or thread-safe callbacks. While work is ready, the I/O
 *       poll (a syscall) is skipped for up to {@link #POLL_SKIP} iterations.
 *   <li><b>Ready items</b> are {@link ReadyEntry}s: {@link RealTask}s to resume (or start) and
 *       callbacks, told apart by the entry itself ({@link ReadyEntry#takeTurn}).
 *   <li><b>Stopping.</b> {@code run} gives a stop condition, checked at iteration boundaries;
 *       when it holds, the baton returns to the driver, which returns from {@link #drive}.
 * </ul>
 */
final class Scheduler {
  /** The loops running on some thread right now, for {@code Loop.running()}. */
  static final CopyOnWriteArrayList<Scheduler> RUNNING = new CopyOnWriteArrayList<>();

  /** The loop each thread found itself running when it last asked; see {@link #current()}. */
  private static final ThreadLocal<Scheduler> BOUND = new ThreadLocal<>();

  private static final Object DRIVER = new Object();
  private static final Object STOP = new Object();
  private static final int POLL_SKIP = 32;

  final RealLoop loop;
  /** {@code Optional.of(loop)}, made once: what {@code Loop.running()} returns on this loop. */
  final Optional<Loop> runningLoop;
  final LoopClock clock;
  final TaskList tasks = new TaskList();
  final FailureReporter failures;
  final TimerQueue timers;
  final PollerIo io;
  private final Poller poller;
  private final Engine engine;
  private final SlowStepWatch slowSteps;

  private final ArrayDeque<ReadyEntry> ready = new ArrayDeque<>();
  private final java.util.function.Consumer<ReadyEntry> toReady = ready::addLast;
  private int remaining;
  private int pollsSkipped;
  long iterations;
  long ioEvents;
  long polls;
  private final ConcurrentLinkedQueue<ReadyEntry> inbox = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean inboxSignalled = new AtomicBoolean();

  /** Whether {@link #drive} runs; written by the driver before the baton leaves it. */
  private boolean driving;
  private RealTask<?> running;
  private BooleanSupplier stopWhen = () -> false;

  Scheduler(
      RealLoop loop,
      LoopClock clock,
      Poller poller,
      Engine engine,
      FailureReporter failures,
      SlowStepWatch slowSteps) {
    this.loop = loop;
    this.runningLoop = Optional.of(loop);
    this.clock = clock;
    this.poller = poller;
    this.engine = engine;
    this.failures = failures;
    this.slowSteps = slowSteps;
    this.io = new PollerIo(poller, loop);
    this.timers = new TimerQueue(this);
  }

  // ------------------------------------------------------------------------ thread confinement

  /**
   * The running loop whose code (a task, a callback or its driver) runs on the calling thread, or
   * null. A thread binds the loop it finds the first time it asks, so that later lookups read one
   * thread-local and check that the thread still holds that loop's baton, allocating nothing; only
   * a first lookup (or one after the thread moved to another loop, or outside any loop) scans the
   * running loops. Strands that never ask carry no thread-local.
   */
  static Scheduler current() {
    Thread me = Thread.currentThread();
    Scheduler bound = BOUND.get();
    if (bound != null && bound.driving && bound.engine.owner() == me) {
      return bound;
    }
    for (Scheduler s : RUNNING) {
      if (s.engine.owner() == me) {
        BOUND.set(s);
        return s;
      }
    }
    return null;
  }

  /**
   * The name of the calling thread, or, for the unnamed strand of a task (see {@link
   * RealTask#strandName}), the task's name.
   */
  static String currentThreadName() {
    Thread me = Thread.currentThread();
    String name = me.getName();
    if (name.isEmpty()) {
      Scheduler s = current();
      if (s != null && s.running != null && s.running.strand == me) {
        return s.running.name();
      }
    }
    return name;
  }

  /** Whether the calling thread holds the loop (or owns it while it is not running). */
  boolean isOwner() {
    return Thread.currentThread() == engine.owner();
  }

  void checkOwner(String what) {
    if (!isOwner()) {
      throw new IllegalStateException(
          what
              + " is loop-confined: call it on the loop's thread (inside a task or callback of"
              + " the loop), not from thread "
              + currentThreadName());
    }
  }

  /** The task whose code is running now, or null in a callback or the driver. */
  RealTask<?> runningTask() {
    return running;
  }

  /** The running task of this loop, or an exception saying why {@code what} cannot suspend. */
  RealTask<?> currentTaskFor(String what) {
    checkOwner(what);
    RealTask<?> t = running;
    if (t == null) {
      throw new IllegalStateException(
          what + " must be called inside a task of the loop, not in a callback or outside run()");
    }
    return t;
  }

  // ------------------------------------------------------------------------ suspension points

  <T> T await(LoopFuture<T> f) {
    refuseForeignAwait();
    RealTask<?> me = currentTaskFor("Future.await");
    if (f == me) {
      throw new IllegalStateException("a task cannot await itself: " + me.name());
    }
    me.checkCancelled();
    Completion<T> c = f.completion();
    if (!c.isDone()) {
      me.awaiting = f;
      c.listen(me);
      try {
        suspend(me);
      } catch (IllegalStateException cannotSuspend) {
        c.unlisten(me);
        throw cannotSuspend;
      } finally {
        me.awaiting = null;
      }
      if (!c.isDone()) {
        c.unlisten(me);
        me.checkCancelled();
      }
      // A future that completed before a cancellation reached this task keeps its result: the
      // cancellation takes effect at the next await, and a task whose body returns that result
      // before awaiting again ends with it (see RealTask), so no delivered value is ever lost.
    }
    if (c.state() == Future.State.CANCELLED) {
      me.awaitedFutureCancelled();
    }
    f.markRetrieved();
    return c.outcome();
  }

  /** A task of another loop awaiting a future of this one: the error names the way, submit. */
  private void refuseForeignAwait() {
    Scheduler awaiting = isOwner() ? null : current();
    if (awaiting != null && awaiting.running != null) {
      throw new IllegalStateException(
          "Future.await: task " + awaiting.running.name() + " awaits a future of another loop;"
              + " a task can await only futures of its own loop: run the work on the other loop"
              + " with otherLoop.submit(coroutine), which returns a future of the task's loop");
    }
  }

  /**
   * Suspends the running task until loop time {@code when}. The task parks in its timer entry,
   * with no future: the timer puts the task itself in the ready queue, and {@link
   * RealTask#cancel} withdraws the timer and queues the task. {@link #suspend} is inlined here:
   * one frame less in the stack of each of a million sleepers.
   */
  void sleep(long when) {
    RealTask<?> me = currentTaskFor("Loop.sleep");
    me.checkCancelled();
    me.sleepingIn = timers.schedule(when, me);
    slowSteps.stepEnded(me);
    running = null;
    Object next = nextRunnable(false);
    if (next != me) {
      try {
        engine.switchFrom(me, next == DRIVER ? null : (RealTask<?>) next);
      } catch (IllegalStateException cannotSuspend) {
        me.sleepingIn.cancel();
        me.sleepingIn = null;
        undoSwitch(me, next);
        throw cannotSuspend;
      }
    }
    running = me;
    slowSteps.stepStarted();
    boolean cancelled = me.sleepingIn == null;
    me.sleepingIn = null;
    if (cancelled) {
      // Woken by a cancellation (RealTask.cancel clears sleepingIn, even when the timer had
      // already queued the task): it throws here even if the request was withdrawn meanwhile,
      // as the cancelled future of an await would.
      me.checkCancelled();
      me.awaitedFutureCancelled();
      throw new CancelledException("sleep was cancelled");
    }
  }

  void yieldNow() {
    RealTask<?> me = currentTaskFor("Loop.yieldNow");
    me.checkCancelled();
    enqueue(me);
    suspend(me);
    me.checkCancelled();
  }

  // ------------------------------------------------------------------------ queues

  void enqueue(ReadyEntry item) {
    ready.addLast(item);
  }

  /** Thread-safe: hands {@code callback} to the loop, waking its poller if needed. */
  void submit(Runnable callback) {
    inbox.add(new CallbackEntry(callback));
    if (!inboxSignalled.getAndSet(true)) {
      poller.wakeup();
    }
  }

  /** Tasks and callbacks waiting in the ready queue (racy from another thread: for metrics). */
  int readyDepth() {
    return ready.size();
  }

  /**
   * Whether a task or callback other than the caller is ready, a thread-safe callback waits in
   * the inbox, or a timer is due: what {@code asyncigo.test}'s {@code runUntilIdle} yields for.
   */
  boolean hasReadyWork() {
    return !ready.isEmpty() || !inbox.isEmpty() || timers.nextDue() <= clock.now();
  }

  // ------------------------------------------------------------------------ running

  /**
   * Runs the loop on the calling (driver) thread until {@code stop} holds at an iteration
   * boundary. Loop-confined: the caller must own the loop.
   */
  void drive(BooleanSupplier stop) {
    stopWhen = stop;
    driving = true;
    RUNNING.add(this);
    try {
      for (Object next = nextRunnable(true); next != STOP; next = nextRunnable(true)) {
        engine.resumeFromDriver((RealTask<?>) next);
      }
    } finally {
      driving = false;
      RUNNING.remove(this);
      stopWhen = () -> false;
    }
  }

  /**
   * Suspends task {@code me} (on its own strand) until the scheduler resumes it. When the engine
   * cannot suspend it there, puts back what was taken for the switch, keeps {@code me} running
   * and rethrows the engine's {@link IllegalStateException}.
   */
  void suspend(RealTask<?> me) {
    slowSteps.stepEnded(me);
    running = null;
    Object next = nextRunnable(false);
    if (next != me) {
      try {
        engine.switchFrom(me, next == DRIVER ? null : (RealTask<?>) next);
      } catch (IllegalStateException cannotSuspend) {
        undoSwitch(me, next);
        throw cannotSuspend;
      }
    }
    running = me;
    slowSteps.stepStarted();
  }

  /** A switch that did not happen: {@code next} is ready again, first, and {@code me} runs. */
  private void undoSwitch(RealTask<?> me, Object next) {
    int index = 0;
    for (java.util.Iterator<ReadyEntry> it = ready.iterator(); it.hasNext(); index++) {
      if (it.next() == me) {
        it.remove();
        if (index < remaining) {
          remaining--;
        }
        break;
      }
    }
    if (next != DRIVER) {
      ready.addFirst((RealTask<?>) next);
      remaining++;
    }
    running = me;
    slowSteps.stepStarted();
  }

  /**
   * The start of a task's strand ({@link RealTask#run}, which then runs the body itself, so that
   * no frame of the engine or the scheduler sits between the strand's entry and the body): waits
   * for the baton, then marks the task running.
   */
  void strandStarts(RealTask<?> task) {
    engine.strandStarts();
    running = task;
    slowSteps.stepStarted();
  }

  /** The end of a task's strand, after its body settled the task: passes the baton on. */
  void strandEnds(RealTask<?> task) {
    slowSteps.stepEnded(task);
    running = null;
    Object next = nextRunnable(false);
    engine.strandEnds(task, next == DRIVER ? null : (RealTask<?>) next);
  }

  /** The frames of {@code task}'s strand (see {@link Engine#stackOf}). */
  StackTraceElement[] stackOf(RealTask<?> task) {
    return engine.stackOf(task);
  }

  /**
   * Runs ready callbacks and starts iterations until a task is to run (returned), or, when the
   * caller is not the driver and the loop would have to block or stop, {@code DRIVER}; the driver
   * gets {@code STOP} instead when the stop condition holds.
   */
  private Object nextRunnable(boolean isDriver) {
    for (; ; ) {
      if (remaining > 0) {
        remaining--;
        RealTask<?> task = takeTurn(ready.pollFirst());
        if (task != null) {
          return task;
        }
        continue;
      }
      if (stopWhen.getAsBoolean()) {
        return isDriver ? STOP : DRIVER;
      }
      if (!isDriver && isIdle()) {
        return DRIVER; // the driver makes the one (blocking) poll of this wake-up
      }
      beginIteration(isDriver);
      if (ready.isEmpty()) {
        if (!isDriver) {
          return DRIVER;
        }
        continue;
      }
      remaining = ready.size();
    }
  }

  /** Nothing is ready, no thread-safe callback waits and no timer is due: the loop would block. */
  private boolean isIdle() {
    return ready.isEmpty() && !inboxSignalled.get() && timers.nextDue() > clock.now();
  }

  /** Gives {@code entry} its turn: a callback runs (a failure goes to the handler), a task is returned. */
  private RealTask<?> takeTurn(ReadyEntry entry) {
    try {
      return slowSteps.turn(entry);
    } catch (Throwable t) {
      failures.callbackFailed(t);
      return null;
    }
  }

  /** Polls I/O (blocking only on the driver with nothing ready), then takes in timers and inbox. */
  private void beginIteration(boolean isDriver) {
    iterations++;
    boolean idle = ready.isEmpty();
    if (idle || (io.hasWatches() && ++pollsSkipped >= POLL_SKIP)) {
      pollsSkipped = 0;
      long timeout = idle && isDriver && inbox.isEmpty() ? timeoutUntilNextTimer() : 0;
      poll(timeout);
    }
    if (inboxSignalled.get()) {
      inboxSignalled.set(false);
      for (ReadyEntry r = inbox.poll(); r != null; r = inbox.poll()) {
        ready.addLast(r);
      }
    }
    if (!timers.isEmpty()) {
      timers.popDue(clock.now(), toReady);
    }
  }

  private long timeoutUntilNextTimer() {
    long due = timers.nextDue();
    if (due == Long.MAX_VALUE) {
      return -1;
    }
    long delta = due - clock.now();
    if (delta > 0 && clock.isVirtual() && !io.hasInterest()) {
      clock.advanceTo(due);
      return 0;
    }
    return Math.max(0, delta);
  }

  private void poll(long timeoutNanos) {
    long start = clock.isVirtual() && timeoutNanos != 0 ? System.nanoTime() : 0;
    PollWaitEvent event = FlightRecording.active() ? LoopEvents.pollBegins() : null;
    int events;
    try {
      events = poller.poll(timeoutNanos, io.sink);
    } catch (IOException e) {
      throw new UncheckedIOException("poller " + poller.name() + " failed", e);
    }
    polls++;
    ioEvents += events;
    if (event != null) {
      LoopEvents.pollEnds(event, loop.id, timeoutNanos, events);
    }
    if (start != 0) {
      clock.advanceTo(clock.now() + (System.nanoTime() - start));
    }
  }
}

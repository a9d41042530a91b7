package asyncigo.loop.core;

import asyncigo.api.Coroutine;
import asyncigo.api.EngineSelection;
import asyncigo.api.Future;
import asyncigo.api.Handle;
import asyncigo.api.Loop;
import asyncigo.api.LoopMetrics;
import asyncigo.api.LoopOptions;
import asyncigo.api.PollerSelection;
import asyncigo.api.Promise;
import asyncigo.api.Task;
import asyncigo.api.internal.context.Contexts;
import asyncigo.api.internal.context.TaskContext;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.DatagramEndpoint;
import asyncigo.api.net.DatagramOptions;
import asyncigo.api.net.Pipe;
import asyncigo.api.net.Server;
import asyncigo.api.net.StaleSocketFile;
import asyncigo.api.net.StreamHandler;
import asyncigo.api.net.TlsOptions;
import asyncigo.api.process.ProcessSpec;
import asyncigo.api.process.Subprocess;
import asyncigo.api.spi.Poller;
import asyncigo.loop.io.PollerChooser;
import asyncigo.loop.jfr.FlightRecording;
import asyncigo.loop.jfr.LoopEvents;
import asyncigo.loop.net.Network;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Loop} implementation: the public surface over a {@link Scheduler} (ready queue,
 * timers, poller, baton), a {@link Network} and a {@link FailureReporter}.
 *
 * <p>Lifecycle: OPEN → RUNNING (inside {@link #run}) → OPEN → ... → CLOSED (terminal). Between
 * runs the loop belongs to the thread that opened it (or last ran it). Closing closes what the
 * {@link Network} still has open, then the poller.
 */
public final class RealLoop implements Loop {
  private static final Logger LOG = LoggerFactory.getLogger(RealLoop.class);

  private static final AtomicLong LOOPS_OPENED = new AtomicLong();

  private enum State { OPEN, RUNNING, CLOSED }

  /** This loop's number, in the order loops were opened in this JVM (in JFR events). */
  final long id = LOOPS_OPENED.incrementAndGet();

  private final LoopOptions options;
  private final Poller poller;
  private final PollerSelection selection;
  private final Engine engine;
  final Scheduler scheduler;
  private final FailureReporter failures;
  private final Network network;
  private volatile State state = State.OPEN;
  private long taskCounter;

  private RealLoop(LoopOptions options, Poller poller, PollerSelection selection, Engine engine) {
    this.options = options;
    this.poller = poller;
    this.selection = selection;
    this.engine = engine;
    this.failures = new FailureReporter(options.exceptionHandler(), options.debug());
    LoopClock clock = options.virtualTime() ? new LoopClock.Virtual() : new LoopClock.Monotonic();
    FlightRecording.watch(RealLoop::emitTaskTrees);
    SlowStepWatch slow =
        new SlowStepWatch(id, options.debug(), options.slowThreshold().toNanos());
    this.scheduler = new Scheduler(this, clock, poller, engine, failures, slow);
    this.failures.attach(this);
    this.network = new Network(this, scheduler.io, poller);
  }

  /** Opens a loop owned by the calling thread; see {@link Loop#open(LoopOptions)}. */
  public static RealLoop open(LoopOptions options) {
    PollerChooser.Choice choice = PollerChooser.choose(options.poller());
    Engine engine = EngineChoice.create();
    Poller poller;
    try {
      poller = choice.provider().open();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open poller " + choice.provider().name(), e);
    }
    LOG.debug(
        "opened loop: poller {} ({}), engine {} ({})",
        poller.name(), choice.selection().reason(), engine.name(), engine.selection().reason());
    return new RealLoop(options, poller, choice.selection(), engine);
  }

  /** The loop's networking, for a loop group's servers. Loop-confined in use. */
  public Network network() {
    return network;
  }

  @Override
  public EngineSelection engine() {
    return engine.selection();
  }

  /**
   * Whether anything but the calling task is ready to run or due now (see {@link
   * Scheduler#hasReadyWork}). Loop-confined; for test tools, through {@link
   * RealLoopProvider#hasReadyWork}.
   */
  boolean hasReadyWork() {
    scheduler.checkOwner("LoopProvider.hasReadyWork");
    return scheduler.hasReadyWork();
  }

  boolean isClosed() {
    return state == State.CLOSED;
  }

  private void checkOpen(String what) {
    scheduler.checkOwner(what);
    if (state == State.CLOSED) {
      throw new IllegalStateException(what + ": the loop is closed");
    }
  }

  @Override
  public <T> T run(Coroutine<T> main) {
    checkOpen("Loop.run");
    if (state == State.RUNNING) {
      throw new IllegalStateException("Loop.run: the loop is already running");
    }
    checkNotNested();
    engine.checkDriver(Thread.currentThread());
    state = State.RUNNING;
    RealTask<T> mainTask;
    try {
      mainTask = newTask("main", 0, main, Contexts.ofThisThread());
      scheduler.drive(mainTask::isDone);
      for (Task<?> t : scheduler.tasks.snapshot()) {
        t.cancel();
      }
      scheduler.drive(scheduler.tasks::isEmpty);
    } finally {
      state = State.OPEN;
    }
    mainTask.markRetrieved(); // run() rethrows main's failure: it is retrieved.
    failures.reportUnretrieved();
    return mainTask.completion().outcome();
  }

  /**
   * Refuses to run inside a task or callback of another loop: the nested loop would block the
   * outer one (its driver would be the outer loop's strand) or, on the carrier engine, could not
   * run at all.
   */
  private void checkNotNested() {
    Scheduler outer = Scheduler.current();
    if (outer != null) {
      RealTask<?> task = outer.runningTask();
      String where = task == null ? "a callback" : "task " + task.name();
      throw new IllegalStateException(
          "Loop.run: a loop cannot be run from inside another loop's task ("
              + where
              + " of "
              + outer.loop
              + "); spawn the work on that loop, or run this one on another thread");
    }
  }

  @Override
  public <T> Task<T> spawn(Coroutine<T> body) {
    checkOpen("Loop.spawn");
    return newTask(null, ++taskCounter, body, null);
  }

  @Override
  public <T> Task<T> spawn(String name, Coroutine<T> body) {
    checkOpen("Loop.spawn");
    if (name == null) {
      throw new NullPointerException("task name must not be null");
    }
    return newTask(name, 0, body, null);
  }

  /**
   * Creates and schedules a task spawned by the running task (none in a callback or for main),
   * named {@code name}, or "task-" + {@code number} when that is null (built only when asked).
   * It starts with {@code context}, or, when that is null, a copy of its spawner's (none in a
   * callback).
   */
  private <T> RealTask<T> newTask(
      String name, long number, Coroutine<T> body, TaskContext context) {
    if (body == null) {
      throw new NullPointerException("task body must not be null");
    }
    StackTraceElement[] site = options.debug() ? creationSite() : null;
    RealTask<?> spawner = scheduler.runningTask();
    TaskContext inherited =
        context != null ? context : spawner == null ? TaskContext.EMPTY : spawner.context();
    RealTask<T> t = new RealTask<>(scheduler, name, number, body, site, inherited);
    t.spawner = spawner;
    scheduler.tasks.add(t);
    scheduler.enqueue(t);
    if (FlightRecording.active()) {
      LoopEvents.taskCreated(id, t.name(), spawner == null ? null : spawner.name());
    }
    return t;
  }

  private static StackTraceElement[] creationSite() {
    StackTraceElement[] all = new Throwable().getStackTrace();
    int skip = 0;
    while (skip < all.length
        && (all[skip].getClassName().equals(RealLoop.class.getName())
            || all[skip].getClassName().startsWith("asyncigo.api."))) {
      skip++;
    }
    return java.util.Arrays.copyOfRange(all, Math.min(skip, all.length), all.length);
  }

  @Override
  public <T> Promise<T> newFuture() {
    checkOpen("Loop.newFuture");
    return new RealFuture<>(scheduler);
  }

  @Override
  public Handle callSoon(Runnable callback) {
    checkOpen("Loop.callSoon");
    CallbackHandle h =
        new CallbackHandle(scheduler, requireCallback(callback), scheduler.clock.now());
    scheduler.enqueue(h);
    return h;
  }

  @Override
  public Handle callLater(Duration delay, Runnable callback) {
    checkOpen("Loop.callLater");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative: " + delay);
    }
    return scheduler.timers.schedule(
        saturatedAdd(scheduler.clock.now(), delay), new CallbackEntry(requireCallback(callback)));
  }

  @Override
  public Handle callAt(long when, Runnable callback) {
    checkOpen("Loop.callAt");
    return scheduler.timers.schedule(when, new CallbackEntry(requireCallback(callback)));
  }

  private static long saturatedAdd(long now, Duration d) {
    long nanos;
    try {
      nanos = d.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
    long sum = now + nanos;
    return sum < now ? Long.MAX_VALUE : sum;
  }

  private static Runnable requireCallback(Runnable callback) {
    if (callback == null) {
      throw new NullPointerException("callback must not be null");
    }
    return callback;
  }

  @Override
  public void callSoonThreadsafe(Runnable callback) {
    requireCallback(callback);
    if (state == State.CLOSED) {
      throw new IllegalStateException("Loop.callSoonThreadsafe: the loop is closed");
    }
    scheduler.submit(callback);
  }

  @Override
  public long time() {
    return scheduler.clock.now();
  }

  @Override
  public void yieldNow() {
    scheduler.yieldNow();
  }

  @Override
  public void sleep(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("sleep duration must not be negative: " + duration);
    }
    if (duration.isZero()) {
      yieldNow();
      return;
    }
    scheduler.sleep(saturatedAdd(scheduler.clock.now(), duration));
  }

  @Override
  public <T> Future<T> toThread(Callable<T> work) {
    checkOpen("Loop.toThread");
    return ThreadBridge.toThread(scheduler, work);
  }

  @Override
  public <T> Future<T> adapt(CompletionStage<T> stage) {
    checkOpen("Loop.adapt");
    return ThreadBridge.adapt(scheduler, stage);
  }

  @Override
  public <T> Future<T> submit(Coroutine<T> body) {
    return Submission.submit(this, body);
  }

  @Override
  public Optional<Task<?>> currentTask() {
    scheduler.checkOwner("Loop.currentTask");
    return Optional.ofNullable(scheduler.runningTask());
  }

  @Override
  public List<Task<?>> tasks() {
    scheduler.checkOwner("Loop.tasks");
    return scheduler.tasks.snapshot();
  }

  @Override
  public String dumpTasks() {
    scheduler.checkOwner("Loop.dumpTasks");
    return TaskDump.of(scheduler.tasks.snapshot(), scheduler.runningTask());
  }

  /**
   * The periodic hook of the {@code asyncigo.TaskTree} JFR event (on the recorder's thread): each
   * running loop commits its dump in its next iteration, on its own thread.
   */
  private static void emitTaskTrees() {
    for (Scheduler s : Scheduler.RUNNING) {
      s.submit(
          () ->
              LoopEvents.taskTree(
                  s.loop.id, s.tasks.size(), TaskDump.of(s.tasks.snapshot(), s.runningTask())));
    }
  }

  @Override
  public LoopMetrics metrics() {
    return MetricsSnapshot.of(scheduler);
  }

  @Override
  public boolean inLoop() {
    return state == State.RUNNING && scheduler.isOwner();
  }

  @Override
  public void checkLoopThread(String what) {
    scheduler.checkOwner(what);
  }

  @Override
  public PollerSelection pollerSelection() {
    return selection;
  }

  @Override
  public AsyncStream connect(String host, int port) throws IOException {
    checkOpen("Loop.connect");
    return network.connect(host, port);
  }

  @Override
  public AsyncStream connect(String hostAndPort) throws IOException {
    checkOpen("Loop.connect");
    return network.connect(hostAndPort);
  }

  @Override
  public Server listen(String host, int port, StreamHandler handler) throws IOException {
    checkOpen("Loop.listen");
    return network.listen(host, port, handler);
  }

  @Override
  public AsyncStream connect(String host, int port, TlsOptions tls) throws IOException {
    checkOpen("Loop.connect");
    return network.connect(host, port, tls);
  }

  @Override
  public Server listen(String host, int port, TlsOptions tls, StreamHandler handler)
      throws IOException {
    checkOpen("Loop.listen");
    return network.listen(host, port, tls, handler);
  }

  @Override
  public AsyncStream connectUnix(Path path) throws IOException {
    checkOpen("Loop.connectUnix");
    return network.connectUnix(path);
  }

  @Override
  public Server listenUnix(Path path, StreamHandler handler) throws IOException {
    checkOpen("Loop.listenUnix");
    return network.listenUnix(path, StaleSocketFile.FAIL, handler);
  }

  @Override
  public Server listenUnix(Path path, StaleSocketFile stale, StreamHandler handler)
      throws IOException {
    checkOpen("Loop.listenUnix");
    return network.listenUnix(path, stale, handler);
  }

  @Override
  public Pipe pipe() throws IOException {
    checkOpen("Loop.pipe");
    return network.pipe();
  }

  @Override
  public DatagramEndpoint openDatagram(InetSocketAddress local) throws IOException {
    checkOpen("Loop.openDatagram");
    return network.openDatagram(local, DatagramOptions.defaults());
  }

  @Override
  public DatagramEndpoint openDatagram(InetSocketAddress local, DatagramOptions options)
      throws IOException {
    checkOpen("Loop.openDatagram");
    return network.openDatagram(local, options);
  }

  @Override
  public Subprocess exec(String... command) throws IOException {
    checkOpen("Loop.exec");
    return network.exec(ProcessSpec.of(command));
  }

  @Override
  public Subprocess exec(ProcessSpec spec) throws IOException {
    checkOpen("Loop.exec");
    return network.exec(spec);
  }

  @Override
  public Handle onSignal(String name, Runnable callback) {
    checkOpen("Loop.onSignal");
    requireCallback(callback);
    return SignalTable.register(this, name, callback);
  }

  @Override
  public void close() {
    scheduler.checkOwner("Loop.close");
    if (state == State.CLOSED) {
      return;
    }
    if (state == State.RUNNING) {
      throw new IllegalStateException("Loop.close: the loop is running; close it after run returns");
    }
    state = State.CLOSED;
    SignalTable.unregisterAll(this);
    network.close();
    try {
      poller.close();
    } catch (IOException e) {
      throw new UncheckedIOException("closing poller " + poller.name(), e);
    }
  }

  @Override
  public String toString() {
    return "Loop[" + state + ", poller " + poller.name() + ", engine " + engine.name() + "]";
  }
}

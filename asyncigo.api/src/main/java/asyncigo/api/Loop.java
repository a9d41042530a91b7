package asyncigo.api;

import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.Pipe;
import asyncigo.api.net.Server;
import asyncigo.api.net.StreamHandler;
import asyncigo.api.net.TlsOptions;
import asyncigo.api.internal.LoopProviders;
import asyncigo.api.spi.LoopProvider;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;

/**
 * An asyncio-style event loop: tasks and futures on one loop thread, timers, I/O readiness and
 * thread-safe hand-offs. Exactly one task or callback of a loop runs at any instant, so code
 * between two awaits needs no locks.
 *
 * <p><b>Obtaining one.</b> {@link #open()} finds the implementation through {@link ServiceLoader}
 * ({@link LoopProvider}) and the best available poller ({@link asyncigo.api.spi.PollerProvider});
 * {@link #open(LoopOptions)} takes options, such as a forced poller or virtual time for tests.
 * {@link #run(Coroutine)} runs a main coroutine to completion and may be called again; {@link
 * #close()} releases the poller.
 *
 * <pre>{@code
 * try (Loop loop = Loop.open()) {
 *   int answer = loop.run(() -> {
 *     Task<Integer> task = loop.spawn(() -> { loop.sleep(Duration.ofSeconds(1)); return 42; });
 *     return task.await();
 *   });
 * }
 * }</pre>
 *
 * <p><b>Threading.</b> Every method is loop-confined (call it from a task or callback of this
 * loop, or, for {@code run} and {@code close}, from the thread that owns the loop while it is not
 * running) except {@link #callSoonThreadsafe}, {@link #time()}, {@link #inLoop()}, {@link
 * #pollerSelection()} and {@link #engine()}, which any thread may call. A loop-confined method called from another
 * thread throws {@link IllegalStateException} saying so.
 */
public interface Loop extends AutoCloseable {

  /** Opens a loop with default options. */
  static Loop open() {
    return open(LoopOptions.defaults());
  }

  /**
   * Opens a loop with {@code options}, using the first {@link LoopProvider} on the module path or
   * class path.
   *
   * @throws IllegalStateException if no loop implementation or no available poller is on the
   *     module path or class path (the message names the Maven artifact to add), or the chosen
   *     poller is not available (the message gives the cause)
   */
  static Loop open(LoopOptions options) {
    return LoopProviders.require().open(options);
  }

  /**
   * The loop whose task or callback is running on the current thread.
   *
   * @throws IllegalStateException "no running asyncigo loop on this thread" outside a loop
   */
  static Loop current() {
    return running()
        .orElseThrow(() -> new IllegalStateException("no running asyncigo loop on this thread"));
  }

  /**
   * The loop running on the current thread, if any: the way for code that works both inside and
   * outside a loop (seed {@code RunningLoopMaybe}) to choose.
   */
  static Optional<Loop> running() {
    return LoopProviders.find().flatMap(LoopProvider::currentLoop);
  }

  /**
   * Runs {@code main} as a task and the loop until it is done; returns its result or rethrows its
   * exception (checked ones wrapped in {@link UncheckedExecutionException}). When main is done,
   * the tasks still pending are cancelled and their cleanup runs before this method returns;
   * failures of tasks that nobody awaited go to the exception handler.
   *
   * @throws IllegalStateException if the loop is running or closed, or called from a task or
   *     callback of this or another loop (a loop run inside another one would block it); the
   *     loop is left as it was, open and closable
   */
  <T> T run(Coroutine<T> main);

  /** Spawns {@code body} as a task named {@code task-N}; its first step runs on the loop later. */
  <T> Task<T> spawn(Coroutine<T> body);

  /** Spawns {@code body} as a task with the given name. */
  <T> Task<T> spawn(String name, Coroutine<T> body);

  /** A new pending future of this loop. */
  <T> Future<T> newFuture();

  /** Schedules {@code callback} to run in the next iteration of the loop, after earlier ones. */
  Handle callSoon(Runnable callback);

  /**
   * Schedules {@code callback} to run once {@code delay} has passed on the loop clock; never
   * earlier. Callbacks due at the same time run in the order they were scheduled.
   *
   * @throws IllegalArgumentException if delay is negative
   */
  Handle callLater(Duration delay, Runnable callback);

  /** Schedules {@code callback} at loop time {@code when} (nanoseconds, see {@link #time()}). */
  Handle callAt(long when, Runnable callback);

  /**
   * Thread-safe: hands {@code callback} to the loop, which runs it in its next iteration, waking
   * the loop if it waits for I/O. Actions before this call happen-before the callback runs.
   *
   * @throws IllegalStateException if the loop is closed
   */
  void callSoonThreadsafe(Runnable callback);

  /** The loop clock, in nanoseconds: monotonic, or virtual with virtual time. Thread-safe. */
  long time();

  /**
   * Gives other tasks and callbacks a turn: the current task resumes in the next iteration of the
   * loop (asyncio {@code sleep(0)}, seed {@code Yield(nil)}).
   *
   * @throws CancelledException if the task is cancelled
   */
  void yieldNow();

  /**
   * Suspends the current task for {@code duration} (zero behaves as {@link #yieldNow()}).
   *
   * @throws CancelledException if the task is cancelled before or while sleeping
   * @throws IllegalArgumentException if the duration is negative
   */
  void sleep(Duration duration);

  /**
   * Runs blocking {@code work} on a new virtual thread and returns a future of its result,
   * completed on the loop. Cancelling the future interrupts the thread. The work must not call
   * loop-confined methods (use {@link #callSoonThreadsafe}). Inside a task, {@link
   * Async#runOnThread} awaits the result in one call.
   */
  <T> Future<T> toThread(Callable<T> work);

  /**
   * A future of this loop that completes when {@code stage} does (on the loop thread); a {@link
   * java.util.concurrent.CompletionException} is unwrapped. Cancelling the returned future
   * cancels the stage's {@code toCompletableFuture()} view.
   */
  <T> Future<T> adapt(CompletionStage<T> stage);

  /** The task currently running on this loop, if the caller runs inside one. */
  Optional<Task<?>> currentTask();

  /** Every task of this loop that is not done, in spawn order. */
  List<Task<?>> tasks();

  /**
   * A readable dump of every task that is not done: name, state, what it awaits, its suspended
   * stack and (in debug mode) where it was created.
   */
  String dumpTasks();

  /** Whether the current thread is running this loop's code. Thread-safe. */
  boolean inLoop();

  /** Which poller this loop uses and why the others were skipped. Thread-safe. */
  PollerSelection pollerSelection();

  /**
   * Which engine runs this loop's tasks and why; when the fast engine was not available, the
   * reason names the flag that turns it on. Thread-safe.
   */
  EngineSelection engine();

  // ---------------------------------------------------------------- networking (asyncigo.api.net)

  /**
   * Connects to {@code host:port}. The name is resolved off the loop; when it has several
   * addresses they are raced (happy eyeballs, 250 ms stagger) and the losers are closed.
   *
   * @throws java.net.ConnectException when refused, naming the reason and the address once:
   *     {@code "Connection refused: /127.0.0.1:6172"}; when every address of the name failed,
   *     the first failure, the others suppressed in it
   * @throws java.net.UnknownHostException when the name does not resolve
   */
  AsyncStream connect(String host, int port) throws IOException;

  /** Connects to an address written {@code "host:port"} (IPv6 as {@code "[::1]:port"}). */
  AsyncStream connect(String hostAndPort) throws IOException;

  /**
   * Connects to {@code host:port} as {@link #connect(String, int)} does, then runs the TLS
   * handshake as a client (asyncio's {@code open_connection(..., ssl=...)}); returns once it is
   * done, with the session in {@link AsyncStream#tlsSession()}. Unless {@code tls} names another
   * server, {@code host} is the name sent as SNI and checked against the server's certificate.
   *
   * @throws javax.net.ssl.SSLHandshakeException if the handshake fails; the message says why
   *     ("hostname mismatch", "unknown CA", "certificate expired", "protocol mismatch", "bad
   *     certificate", "TLS handshake timed out after ...") and the connection is closed
   * @throws IllegalArgumentException if {@code tls} are server options or name a protocol the
   *     context does not support (nothing is connected then)
   */
  AsyncStream connect(String host, int port, TlsOptions tls) throws IOException;

  /**
   * Listens on {@code host:port} (port 0 picks a free port, see {@link Server#localAddress()})
   * and runs {@code handler} in a new task for each accepted connection. When the handler
   * returns, what it wrote is flushed and the stream closed; only an exception that escapes the
   * handler is reported to the exception handler (see {@link Server}).
   */
  Server listen(String host, int port, StreamHandler handler) throws IOException;

  /**
   * Listens as {@link #listen(String, int, StreamHandler)} does and serves TLS: each accepted
   * connection runs the server side of the handshake in its task first, and {@code handler}
   * starts only once it succeeded. A failed or timed-out handshake is logged at debug level with
   * the peer's address, closes the connection and never reaches the handler or the exception
   * handler.
   *
   * @throws IllegalArgumentException if {@code tls} are client options or name a protocol the
   *     context does not support (nothing is opened then)
   */
  Server listen(String host, int port, TlsOptions tls, StreamHandler handler) throws IOException;

  /** A connected in-process pair: bytes written to {@link Pipe#sink()} are read from source. */
  Pipe pipe() throws IOException;

  /**
   * Closes the loop: first every stream, server and pipe end it opened that is still open (their
   * descriptors are released; later operations on them throw {@link
   * asyncigo.api.net.StreamClosedException}), then its poller. Idempotent. Call it from the thread
   * that owns the loop.
   *
   * @throws IllegalStateException if the loop is running, or if called from another thread
   *     (nothing is closed then)
   */
  @Override
  void close();
}

package asyncigo.api;

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
import asyncigo.api.internal.LoopProviders;
import asyncigo.api.spi.LoopProvider;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
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
 * #checkLoopThread}, {@link #pollerSelection()}, {@link #engine()} and {@link #metrics()}, which
 * any thread may call, and {@link #submit}, which a task or callback of any loop may call. A
 * loop-confined method called from another thread throws {@link IllegalStateException} naming the
 * method and the thread, before it changes anything (see {@link #checkLoopThread}). The static
 * methods are thread-safe.
 *
 * @since 0.1
 */
public interface Loop extends AutoCloseable {

  /**
   * Opens a loop with default options; the calling thread owns it.
   *
   * @return the new loop, open and not running
   * @throws IllegalStateException as {@link #open(LoopOptions)}
   */
  static Loop open() {
    return open(LoopOptions.defaults());
  }

  /**
   * Opens a loop with {@code options}, using the first {@link LoopProvider} on the module path or
   * class path. The calling thread owns the loop.
   *
   * @param options the options, such as a forced poller or virtual time
   * @return the new loop, open and not running
   * @throws IllegalStateException if no loop implementation or no available poller is on the
   *     module path or class path (the message names the Maven artifact to add), or the chosen
   *     poller is not available (the message gives the cause)
   * @throws java.io.UncheckedIOException if the chosen poller fails to open
   */
  static Loop open(LoopOptions options) {
    return LoopProviders.require().open(options);
  }

  /**
   * The loop whose task or callback is running on the current thread.
   *
   * @return the running loop
   * @throws IllegalStateException "no running asyncigo loop on this thread" outside a loop
   */
  static Loop current() {
    return running()
        .orElseThrow(() -> new IllegalStateException("no running asyncigo loop on this thread"));
  }

  /**
   * The loop running on the current thread, if any: the way for code that works both inside and
   * outside a loop (seed {@code RunningLoopMaybe}) to choose.
   *
   * @return the running loop, or empty outside a loop (or when no implementation is present)
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
   * @param <T> the result type
   * @param main the main coroutine
   * @return main's result
   * @throws IllegalStateException if the loop is running or closed, or called from a task or
   *     callback of this or another loop (a loop run inside another one would block it); the
   *     loop is left as it was, open and closable
   */
  <T> T run(Coroutine<T> main);

  /**
   * Spawns {@code body} as a task named {@code task-N}; its first step runs on the loop later.
   *
   * @param <T> the result type
   * @param body the task's body
   * @return the task
   * @throws IllegalStateException if the loop is closed
   */
  <T> Task<T> spawn(Coroutine<T> body);

  /**
   * Spawns {@code body} as a task with the given name.
   *
   * @param <T> the result type
   * @param name the task's name, shown in dumps and reports
   * @param body the task's body
   * @return the task
   * @throws NullPointerException if name or body is null
   * @throws IllegalStateException if the loop is closed
   */
  <T> Task<T> spawn(String name, Coroutine<T> body);

  /**
   * Creates a pending future of this loop and returns its write side, asyncio's {@code
   * loop.create_future()}: complete it with {@link Promise#complete} or {@link Promise#fail} (or
   * cancel it), and hand out the read side, the same object typed as {@link Future}, to those
   * who only await it. Loop-confined.
   *
   * @param <T> the result type
   * @return a new pending promise
   * @throws IllegalStateException if the loop is closed, or if called from another thread
   */
  <T> Promise<T> newFuture();

  /**
   * Schedules {@code callback} to run in the next iteration of the loop, after earlier ones.
   *
   * @param callback the code to run on the loop
   * @return a handle that can cancel it
   * @throws NullPointerException if callback is null
   * @throws IllegalStateException if the loop is closed
   */
  Handle callSoon(Runnable callback);

  /**
   * Schedules {@code callback} to run once {@code delay} has passed on the loop clock; never
   * earlier. Callbacks due at the same time run in the order they were scheduled.
   *
   * @param delay how long to wait, on the loop clock
   * @param callback the code to run on the loop
   * @return a handle that can cancel it
   * @throws IllegalArgumentException if delay is negative
   * @throws NullPointerException if callback is null
   * @throws IllegalStateException if the loop is closed
   */
  Handle callLater(Duration delay, Runnable callback);

  /**
   * Schedules {@code callback} at loop time {@code when} (nanoseconds, see {@link #time()}); a
   * time in the past makes it due at once.
   *
   * @param when the loop time at which it is due
   * @param callback the code to run on the loop
   * @return a handle that can cancel it
   * @throws NullPointerException if callback is null
   * @throws IllegalStateException if the loop is closed
   */
  Handle callAt(long when, Runnable callback);

  /**
   * Thread-safe: hands {@code callback} to the loop, which runs it in its next iteration, waking
   * the loop if it waits for I/O. Actions before this call happen-before the callback runs.
   *
   * @param callback the code to run on the loop
   * @throws NullPointerException if callback is null
   * @throws IllegalStateException if the loop is closed
   */
  void callSoonThreadsafe(Runnable callback);

  /**
   * {@return the loop clock, in nanoseconds: monotonic, or virtual with virtual time}
   * Thread-safe.
   */
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
   * @param duration how long to sleep, on the loop clock
   * @throws CancelledException if the task is cancelled before or while sleeping
   * @throws IllegalArgumentException if the duration is negative
   */
  void sleep(Duration duration);

  /**
   * Runs blocking {@code work} on a new virtual thread and returns a future of its result,
   * completed on the loop. Cancelling the future interrupts the thread. The work must not call
   * loop-confined methods (use {@link #callSoonThreadsafe}). Inside a task, {@link
   * Async#runOnThread} awaits the result in one call.
   *
   * @param <T> the result type
   * @param work the blocking work
   * @return a future of the work's result or failure
   * @throws IllegalStateException if the loop is closed
   */
  <T> Future<T> toThread(Callable<T> work);

  /**
   * A future of this loop that completes when {@code stage} does (on the loop thread); a {@link
   * java.util.concurrent.CompletionException} is unwrapped. Cancelling the returned future
   * cancels the stage's {@code toCompletableFuture()} view.
   *
   * @param <T> the result type
   * @param stage the stage, which may complete on any thread
   * @return a future of this loop with the stage's outcome
   * @throws IllegalStateException if the loop is closed
   */
  <T> Future<T> adapt(CompletionStage<T> stage);

  /**
   * Runs {@code body} as a task of this loop and returns a future of the <em>calling</em> loop
   * that completes with the task's outcome: its result, its failure (the same exception), or its
   * cancellation. This is how a task of one loop has work done on another (such as another loop
   * of a {@link LoopGroup}) without touching that loop's objects: the task is handed to this loop
   * with {@link #callSoonThreadsafe}, and its outcome is handed back the same way. Cancelling the
   * returned future cancels the task. Awaiting a future of another loop directly is refused
   * ({@link Future#await()}); this is the way.
   *
   * <pre>{@code
   * int rows = otherLoop.submit(() -> db.count()).await();   // in a task of this loop
   * }</pre>
   *
   * <p>Threading: any thread that runs a task or callback of a loop may call it (the caller's
   * loop need not be this one). From a task or callback of this loop it is {@link
   * #spawn(Coroutine)}: the task is the future. If this loop is open but not running, the task
   * starts when it runs.
   *
   * @param <T> the result type
   * @param body the work to run on this loop
   * @return a future of the calling loop with the task's outcome
   * @throws IllegalStateException if the calling thread runs no loop (the future would have no
   *     loop; use {@link #callSoonThreadsafe}), or this loop is closed; nothing is started then
   */
  <T> Future<T> submit(Coroutine<T> body);

  /** {@return the task currently running on this loop, or empty if the caller is not in one} */
  Optional<Task<?>> currentTask();

  /** {@return every task of this loop that is not done, in spawn order (a copy)} */
  List<Task<?>> tasks();

  /**
   * A readable dump of every task that is not done: name, state, what it awaits, its suspended
   * stack and (in debug mode) where it was created.
   *
   * @return the dump, one block per task
   */
  String dumpTasks();

  /**
   * A snapshot of the loop's counters (tasks, iterations, I/O events, timers) and its lag.
   * Thread-safe: on the loop's thread the figures are exact and consistent; from another thread
   * (a metrics scraper) each figure is one the loop had a moment ago, and they are not taken at
   * the same instant. Costs no more than copying and sorting the lag samples.
   *
   * @return the loop's counters and lag now
   */
  LoopMetrics metrics();

  /** {@return whether the current thread is running this loop's code} Thread-safe. */
  boolean inLoop();

  /**
   * Checks that the calling thread may call this loop's loop-confined methods: a task or callback
   * of this loop runs on it, or the loop is not running and the thread owns it (it opened the loop
   * or last ran it). Otherwise throws {@link IllegalStateException} "WHAT is loop-confined: call it
   * on the loop's thread (inside a task or callback of the loop), not from thread NAME". Every
   * loop-confined method of this loop and of the types built on it (futures, tasks, streams,
   * servers, the {@linkplain asyncigo.api.sync sync primitives}) makes this check first, before
   * it changes anything. Thread-safe; it changes nothing.
   *
   * @param what the method called, for the message ({@code "AsyncQueue.put"})
   */
  void checkLoopThread(String what);

  /** {@return which poller this loop uses and why the others were skipped} Thread-safe. */
  PollerSelection pollerSelection();

  /**
   * Which engine runs this loop's tasks and why; when the fast engine was not available, the
   * reason names the flag that turns it on. Thread-safe.
   *
   * @return the engine and the reason it was chosen
   */
  EngineSelection engine();

  // ---------------------------------------------------------------- networking (asyncigo.api.net)

  /**
   * Connects to {@code host:port}. The name is resolved off the loop; when it has several
   * addresses they are raced (happy eyeballs, 250 ms stagger) and the losers are closed.
   *
   * @param host a host name or address literal
   * @param port the port, 1 to 65535
   * @return the connected stream, owned by this loop
   * @throws IllegalArgumentException if the port is out of range
   * @throws java.net.ConnectException when refused, naming the reason and the address once:
   *     {@code "Connection refused: /127.0.0.1:6172"}; when every address of the name failed,
   *     the first failure, the others suppressed in it
   * @throws java.net.UnknownHostException when the name does not resolve
   * @throws IOException when connecting fails otherwise
   */
  AsyncStream connect(String host, int port) throws IOException;

  /**
   * Connects to an address written {@code "host:port"} (IPv6 as {@code "[::1]:port"}), as {@link
   * #connect(String, int)}.
   *
   * @param hostAndPort the address
   * @return the connected stream, owned by this loop
   * @throws IllegalArgumentException if the address is malformed, naming it and what is wrong
   * @throws IOException as {@link #connect(String, int)}
   */
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
    *
    * @param host the host
    * @param port the port
    * @param tls the tls
    * @return the connect
   */
  AsyncStream connect(String host, int port, TlsOptions tls) throws IOException;

  /**
   * Listens on {@code host:port} (port 0 picks a free port, see {@link Server#localAddress()})
   * and runs {@code handler} in a new task for each accepted connection. When the handler
   * returns, what it wrote is flushed and the stream closed; only an exception that escapes the
   * handler is reported to the exception handler (see {@link Server}).
   *
   * @param host the address to bind; null or empty for every interface
   * @param port the port, 0 to 65535
   * @param handler serves each connection
   * @return the listening server, owned by this loop
   * @throws IllegalArgumentException if the port is out of range
   * @throws IOException if the name does not resolve or binding fails
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
    *
    * @param host the host
    * @param port the port
    * @param tls the tls
    * @param handler the handler
    * @return the listen
    * @throws IOException if the I/O fails
   */
  Server listen(String host, int port, TlsOptions tls, StreamHandler handler) throws IOException;

  /**
   * Connects to the Unix domain socket at {@code path} (a socket file a server listens on). The
   * stream behaves as a TCP stream does; its {@link AsyncStream#remoteAddress()} is a {@link
   * java.net.UnixDomainSocketAddress}.
   *
   * @param path the socket file; relative paths are relative to the working directory
   * @return the connected stream, owned by this loop
   * @throws IllegalArgumentException if the path is longer than the OS allows ({@code sun_path}:
   *     107 bytes in the path's encoding on Linux, 108 with the terminating NUL), naming the
   *     limit and the length, before anything is opened
   * @throws java.net.ConnectException naming the path when nobody listens on it ({@code
   *     "Connection refused: unix:/run/app.sock"}) or no file is there ({@code "No such file or
   *     directory: unix:/run/app.sock"})
   * @throws UnsupportedOperationException if the loop's poller has no Unix domain sockets
   * @throws IOException when connecting fails otherwise
   */
  AsyncStream connectUnix(Path path) throws IOException;

  /**
   * Listens on a Unix domain socket at {@code path}, as {@link #listen(String, int,
   * StreamHandler)} listens on TCP: a handler task per connection, the same stream semantics.
   * Creates the socket file, which the server deletes when it is closed (and when the loop
   * closes it). {@link Server#address()} is the path; {@link Server#localAddress()} throws.
   *
   * <p>If a file is already at {@code path}: a socket a live process listens on fails with
   * {@link java.net.BindException} "Address already in use"; a stale socket (connecting to it is
   * refused) fails with a {@link java.net.BindException} naming the path and how to replace it
   * (the same as {@link #listenUnix(Path, StaleSocketFile, StreamHandler)} with {@link
   * StaleSocketFile#FAIL}); any other file fails and is never deleted.
   *
   * @param path the socket file to create; its folder must exist
   * @param handler serves each connection
   * @return the listening server, owned by this loop
   * @throws IllegalArgumentException if the path is longer than the OS allows (see {@link
   *     #connectUnix}), before anything is created
   * @throws java.nio.file.NoSuchFileException if the path's folder does not exist
   * @throws java.net.BindException if a file is at the path (see above)
   * @throws UnsupportedOperationException if the loop's poller has no Unix domain sockets
   * @throws IOException if binding fails otherwise
   */
  Server listenUnix(Path path, StreamHandler handler) throws IOException;

  /**
   * {@link #listenUnix(Path, StreamHandler)}, replacing a stale socket file at {@code path} when
   * {@code stale} is {@link StaleSocketFile#REPLACE}. A socket a live process listens on, and a
   * file that is not a socket, are never replaced.
   *
   * @param path the socket file to create; its folder must exist
   * @param stale what to do with a stale socket file at the path
   * @param handler serves each connection
   * @return the listening server, owned by this loop
   * @throws IllegalArgumentException if the path is too long (see {@link #connectUnix})
   * @throws java.nio.file.NoSuchFileException if the path's folder does not exist
   * @throws java.net.BindException if a live socket, a file that is not a socket, or (with
   *     {@link StaleSocketFile#FAIL}) a stale socket file is at the path
   * @throws UnsupportedOperationException if the loop's poller has no Unix domain sockets
   * @throws IOException if binding fails otherwise
   */
  Server listenUnix(Path path, StaleSocketFile stale, StreamHandler handler) throws IOException;

  /**
   * {@return a connected in-process pair: bytes written to {@link Pipe#sink()} are read from
   * source}
   *
   * @throws IOException if the poller cannot create the pipe
   */
  Pipe pipe() throws IOException;

  // ---------------------------------------------------------------- processes (asyncigo.api.process)

  /**
   * Starts {@code command} (the program, then its arguments) with the defaults of {@link
   * ProcessSpec}: its three standard streams piped to the loop, the JVM's directory and
   * environment. Same as {@code exec(ProcessSpec.of(command))}.
   *
   * @param command the program and its arguments
   * @return the running child, owned by this loop
   * @throws IllegalArgumentException if the command is empty
   * @throws IOException if it cannot be started, as {@link #exec(ProcessSpec)}
   */
  Subprocess exec(String... command) throws IOException;

  /**
   * Starts the child process {@code spec} describes (asyncio's {@code create_subprocess_exec}).
   * It belongs to this loop until the loop sees it exit: closing the loop first ends it (SIGTERM,
   * then SIGKILL after {@link Subprocess#CLOSE_GRACE_MILLIS}) and reaps it. On the epoll poller
   * the child is started with {@code posix_spawnp} and watched through a pidfd, with no thread;
   * on the NIO poller through {@link ProcessBuilder}, with a virtual thread per piped stream.
   * Loop-confined.
   *
   * @param spec what to run, where, and where its streams go
   * @return the running child, owned by this loop
   * @throws IOException if it cannot be started; for a program that does not exist the message
   *     starts as {@link ProcessBuilder}'s, {@code Cannot run program "nope": } (with {@code (in
   *     directory "...")} before the colon when the spec names one), and names the error ("No
   *     such file or directory"), on every poller
   * @throws UnsupportedOperationException if the loop's poller cannot start processes
   */
  Subprocess exec(ProcessSpec spec) throws IOException;

  // ---------------------------------------------------------------------------------- signals

  /**
   * Runs {@code callback} on this loop each time the process receives signal {@code name}
   * (asyncio's {@code add_signal_handler}): {@code "INT"}, {@code "TERM"}, {@code "HUP"}, {@code
   * "USR1"}, {@code "WINCH"}, {@code "ALRM"}, {@code "CHLD"}, {@code "CONT"}, {@code "TSTP"},
   * {@code "TTIN"}, {@code "TTOU"} or {@code "URG"}, with or without the {@code SIG} prefix.
   *
   * <p>The callback runs as a callback of this loop, handed over as {@link #callSoonThreadsafe}
   * does, never on the JVM's signal thread; it must not suspend (to await, spawn a task from
   * it). An exception it throws goes to the loop's exception handler ("Exception in callback").
   * Several handlers of one signal, on this loop or on others, all run; on one loop, in the order
   * they were registered. Signals that come close together may be delivered once (as with any
   * signal handler). The first handler of a signal replaces the JVM's handler for it; when the
   * last one is cancelled, or its loop closed, the JVM's is put back (for INT, TERM and HUP:
   * the one that runs the shutdown hooks and exits), so a process that no longer handles TERM
   * exits on it again.
   *
   * <p>On cancel: {@link Handle#cancel()} unregisters it; a signal that came before but whose
   * callback has not run yet is not run then. On close: closing the loop unregisters its
   * handlers. {@link Handle#when()} is {@link Long#MAX_VALUE}. Loop-confined, as {@link
   * Handle#cancel()}.
   *
   * <pre>{@code
   * Handle term = loop.onSignal("TERM", () -> server.shutdown(Duration.ofSeconds(5)));
   * }</pre>
   *
   * @param name the signal's name, such as {@code "TERM"} or {@code "SIGTERM"}
   * @param callback the code to run on the loop each time the signal comes
   * @return a handle whose {@link Handle#cancel()} unregisters the callback
   * @throws IllegalArgumentException if the signal is unknown or cannot be handled (KILL and STOP
   *     cannot be caught; QUIT, USR2, SEGV, PIPE and others are the JVM's), naming it and why;
   *     nothing is registered then
   * @throws NullPointerException if name or callback is null
   * @throws IllegalStateException if the loop is closed, or if called from another thread
   */
  Handle onSignal(String name, Runnable callback);

  /**
   * Opens a UDP endpoint bound to {@code local} (port 0 picks a free port, see {@link
   * DatagramEndpoint#localAddress()}), with the default {@link DatagramOptions}: not connected.
   *
   * @param local the address to bind, such as {@code new InetSocketAddress("127.0.0.1", 0)}
   * @return the endpoint, owned by this loop (closing the loop closes it)
   * @throws NullPointerException if local is null
   * @throws IllegalArgumentException if local is unresolved
   * @throws java.net.BindException if the address is in use or not local
   * @throws IOException if the socket cannot be opened
   */
  DatagramEndpoint openDatagram(InetSocketAddress local) throws IOException;

  /**
   * Opens a UDP endpoint bound to {@code local} with {@code options}: connected to a remote
   * address, broadcast, buffer sizes, address reuse (see {@link DatagramOptions}). Nothing is left
   * open if a step fails.
   *
   * @param local the address to bind (port 0: any free port)
   * @param options the socket's options
   * @return the endpoint, owned by this loop (closing the loop closes it)
   * @throws NullPointerException if local or options is null
   * @throws IllegalArgumentException if local is unresolved, or the remote address is of another
   *     family than local
   * @throws java.net.BindException if the address is in use or not local
   * @throws IOException if the socket cannot be opened, configured or connected
   */
  DatagramEndpoint openDatagram(InetSocketAddress local, DatagramOptions options)
      throws IOException;

  /**
   * Closes the loop: first every stream, server, pipe end and datagram endpoint it opened that is
   * still open (their descriptors are released; later operations on them throw {@link
   * asyncigo.api.net.StreamClosedException}), then its poller. Idempotent. Loop-confined: call it
   * on the thread that owns the loop.
   *
   * @throws IllegalStateException if the loop is running, or if called from another thread
   *     (nothing is closed then)
   */
  @Override
  void close();
}

package asyncigo.loop.net;

import asyncigo.api.Future;
import asyncigo.api.Promise;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.process.ProcessResult;
import asyncigo.api.process.ProcessSpec;
import asyncigo.api.process.Subprocess;
import asyncigo.api.spi.PollChannel;
import asyncigo.api.spi.PollStream;
import asyncigo.api.spi.Poller;
import asyncigo.api.spi.SpawnedProcess;
import asyncigo.loop.io.IoWatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@link Subprocess} over a {@link SpawnedProcess} of the loop's poller: its pipe ends are
 * {@link ChannelStream}s of the loop (each one of the loop's owned resources on its own), and its
 * exit watch is registered with the readiness service ({@link #exitWatch}). When the watch reports
 * READ, the child is reaped, the watch closed, and {@link #exited} completed; from then on the process is no longer
 * one of the loop's {@link OwnedResources}. Until then, closing the loop ends it ({@link #close}).
 * Loop-confined; every public method but {@link #pid()} checks the calling thread first.
 */
final class ChildProcess implements Subprocess, OwnedResources.Resource {
  private final StreamContext context;
  private final ProcessSpec spec;
  private final SpawnedProcess process;
  private final IoWatch<PollChannel> exitWatch;
  private final ChannelStream stdin;
  private final ChannelStream stdout;
  private final ChannelStream stderr;
  /** Completed with the exit code once reaped; only its shields are handed out. */
  private final Promise<Integer> exited;
  private Integer exitCode;

  private ChildProcess(
      StreamContext context, ProcessSpec spec, SpawnedProcess process, Watches watches) {
    this.context = context;
    this.spec = spec;
    this.process = process;
    this.exitWatch = watches.exit;
    context.owned().add(this); // before its streams: closing the loop ends the child first
    this.stdin = watches.stdin == null ? null : ChannelStream.sink(context, watches.stdin);
    this.stdout = watches.stdout == null ? null : ChannelStream.source(context, watches.stdout);
    this.stderr = watches.stderr == null ? null : ChannelStream.source(context, watches.stderr);
    this.exited = context.loop().newFuture();
    watchExit();
  }

  /**
   * Spawns {@code spec} through {@code poller} and registers its channels; if registering fails,
   * the child is killed, reaped and its channels closed before the failure is thrown.
   */
  static ChildProcess start(StreamContext context, Poller poller, ProcessSpec spec)
      throws IOException {
    SpawnedProcess process = poller.spawn(spec);
    List<PollChannel> channels = new ArrayList<>();
    process.stdin().ifPresent(channels::add);
    process.stdout().ifPresent(channels::add);
    process.stderr().ifPresent(channels::add);
    channels.add(process.exitWatch());
    List<IoWatch<?>> opened = new ArrayList<>();
    Watches watches = new Watches();
    try {
      watches.stdin = open(context, process.stdin(), opened);
      watches.stdout = open(context, process.stdout(), opened);
      watches.stderr = open(context, process.stderr(), opened);
      watches.exit = context.io().open(process.exitWatch());
    } catch (IOException | RuntimeException e) {
      end(process);
      for (IoWatch<?> watch : opened) {
        watch.close("process setup failed");
      }
      for (PollChannel channel : channels.subList(opened.size(), channels.size())) {
        closeQuietly(channel);
      }
      throw e;
    }
    return new ChildProcess(context, spec, process, watches);
  }

  /** The watches of a child's pipe ends (null where not piped) and of its exit. */
  private static final class Watches {
    IoWatch<PollStream> stdin;
    IoWatch<PollStream> stdout;
    IoWatch<PollStream> stderr;
    IoWatch<PollChannel> exit;
  }

  /** Registers {@code end}, if piped, and adds its watch to {@code opened}; null if not piped. */
  private static IoWatch<PollStream> open(
      StreamContext context, Optional<PollStream> end, List<IoWatch<?>> opened)
      throws IOException {
    if (end.isEmpty()) {
      return null;
    }
    IoWatch<PollStream> watch = context.io().open(end.get());
    opened.add(watch);
    return watch;
  }

  private static void closeQuietly(PollChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // Setup failed already: that failure is the one thrown; the descriptor is released anyway.
    }
  }

  private void watchExit() {
    exitWatch
        .ready(Poller.READ)
        .whenDone(
            ready -> {
              if (ready.state() != Future.State.SUCCEEDED || exitCode != null) {
                return; // the watch was closed: the loop is closing, and close() reaps
              }
              OptionalInt status;
              try {
                status = process.exitStatus();
              } catch (IOException e) {
                throw new UncheckedIOException("reaping process " + process.pid(), e);
              }
              if (status.isPresent()) {
                exited(status.getAsInt());
              } else {
                watchExit();
              }
            });
  }

  private void exited(int code) {
    exitCode = code;
    context.owned().remove(this);
    exitWatch.close("process exited");
    exited.complete(code);
  }

  @Override
  public long pid() {
    return process.pid();
  }

  @Override
  public AsyncStream stdin() {
    confined("Subprocess.stdin");
    return piped(stdin, "stdin", spec.stdin());
  }

  @Override
  public AsyncStream stdout() {
    confined("Subprocess.stdout");
    return piped(stdout, "stdout", spec.stdout());
  }

  @Override
  public AsyncStream stderr() {
    confined("Subprocess.stderr");
    return piped(stderr, "stderr", spec.stderr());
  }

  private static AsyncStream piped(ChannelStream stream, String name, ProcessSpec.Redirect to) {
    if (stream == null) {
      throw new IllegalStateException(
          name + " is not piped: the spec redirects it to " + to
              + " (ProcessSpec." + name + "(Redirect.PIPE) pipes it)");
    }
    return stream;
  }

  @Override
  public int waitFor() {
    confined("Subprocess.waitFor");
    return exitCode != null ? exitCode : exited.shield().await();
  }

  @Override
  public Future<Integer> exit() {
    confined("Subprocess.exit");
    Promise<Integer> future = context.loop().newFuture();
    exited.whenDone(done -> future.complete(done.resultNow()));
    return future;
  }

  @Override
  public Optional<Integer> exitCode() {
    confined("Subprocess.exitCode");
    return Optional.ofNullable(exitCode);
  }

  @Override
  public void terminate() {
    confined("Subprocess.terminate");
    signal(SpawnedProcess.SIGTERM);
  }

  @Override
  public void kill() {
    confined("Subprocess.kill");
    signal(SpawnedProcess.SIGKILL);
  }

  private void signal(int signal) {
    if (exitCode != null) {
      return;
    }
    try {
      process.signal(signal);
    } catch (IOException e) {
      throw new UncheckedIOException("signal " + signal + " to process " + process.pid(), e);
    }
  }

  @Override
  public ProcessResult communicate(byte[] input) throws IOException {
    confined("Subprocess.communicate");
    return Communication.run(context.loop(), this, stdin, stdout, stderr, input);
  }

  /**
   * The loop is closing and the child has not been seen to exit: SIGTERM, a grace period, then
   * SIGKILL, and reap it, blocking the closing thread meanwhile. Never throws.
   */
  @Override
  public void close() {
    if (exitCode != null) {
      return;
    }
    OptionalInt status = end(process);
    exitCode = status.isPresent() ? status.getAsInt() : -1;
    exitWatch.close("loop closed");
  }

  /**
   * Ends and reaps {@code process}: SIGTERM, the grace period, SIGKILL; empty if the OS refused or
   * the thread was interrupted (then SIGKILL is sent at once, and the child reaped if it is gone).
   */
  private static OptionalInt end(SpawnedProcess process) {
    try {
      OptionalInt status = process.exitStatus();
      if (status.isPresent()) {
        return status;
      }
      process.signal(SpawnedProcess.SIGTERM);
      status = process.awaitExit(Duration.ofMillis(CLOSE_GRACE_MILLIS));
      if (status.isPresent()) {
        return status;
      }
      process.signal(SpawnedProcess.SIGKILL);
      while (status.isEmpty()) {
        status = process.awaitExit(Duration.ofSeconds(1));
      }
      return status;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      try {
        process.signal(SpawnedProcess.SIGKILL);
        return process.exitStatus();
      } catch (IOException notReaped) {
        return OptionalInt.empty();
      }
    } catch (IOException e) {
      return OptionalInt.empty();
    }
  }

  @Override
  public String toString() {
    return "Subprocess[pid " + process.pid() + ", " + spec.command().get(0)
        + (exitCode == null ? ", running" : ", exit code " + exitCode) + "]";
  }

  private void confined(String what) {
    context.loop().checkLoopThread(what);
  }
}

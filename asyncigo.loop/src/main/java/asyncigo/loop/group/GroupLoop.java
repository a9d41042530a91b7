package asyncigo.loop.group;

import asyncigo.api.Future;
import asyncigo.api.LoopOptions;
import asyncigo.api.Promise;
import asyncigo.api.UnhandledFailure;
import asyncigo.loop.core.RealLoop;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;

/**
 * One loop of a group and the platform thread that owns it: the thread opens the loop (so that it
 * drives it, on the fast engine where allowed) and runs it until {@link #stop()}. Its main task
 * only waits for the stop; connection handlers, submitted tasks and callbacks run beside it. When
 * the stop comes, the loop's {@code run} cancels the remaining tasks and lets their cleanup run;
 * a second, empty run then takes in what was handed to the loop meanwhile (a submitted task, a
 * connection handed over), so that no caller waits for it forever; then the loop closes, with
 * every stream and server it still owns, and the thread ends.
 *
 * <p>{@code stopSignal} and {@code stopRequested} are confined to the loop; {@link #loop()} may be
 * read by any thread once {@link #awaitRunning()} returned.
 */
final class GroupLoop {
  private final String name;
  private final LoopOptions options;
  private final BiConsumer<GroupLoop, UnhandledFailure> failures;
  private final Thread thread;
  private final CompletableFuture<RealLoop> running = new CompletableFuture<>();
  private RealLoop loop;
  private Promise<Void> stopSignal;
  private boolean stopRequested;

  /**
   * @param name the loop's name in reports, also its thread's
   * @param failures where the loop's unhandled failures go, on its thread
   */
  GroupLoop(String name, LoopOptions options, BiConsumer<GroupLoop, UnhandledFailure> failures) {
    this.name = name;
    this.options = options.exceptionHandler(failure -> failures.accept(this, failure));
    this.failures = failures;
    this.thread = Thread.ofPlatform().name(name).unstarted(this::runThread);
  }

  /** Starts the thread, which opens and runs the loop. */
  void start() {
    thread.start();
  }

  /**
   * Waits until the loop runs and returns it.
   *
   * @throws RuntimeException what opening the loop threw
   */
  RealLoop awaitRunning() {
    try {
      return running.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /** The running loop; see the class comment. */
  RealLoop loop() {
    return loop;
  }

  /** Hands the stop to the loop; does nothing once it is closed. Thread-safe. */
  void stop() {
    try {
      loop.callSoonThreadsafe(
          () -> {
            stopRequested = true;
            if (stopSignal != null) {
              stopSignal.complete(null);
            }
          });
    } catch (IllegalStateException closed) {
      // Stopped already.
    }
  }

  /** Waits until the thread has ended, even if interrupted (the interrupt is kept). */
  void join() {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return name;
  }

  private void runThread() {
    RealLoop opened;
    try {
      opened = RealLoop.open(options);
    } catch (RuntimeException | Error e) {
      running.completeExceptionally(e);
      return;
    }
    loop = opened;
    try {
      opened.run(this::runUntilStopped);
      opened.run(() -> null);
    } catch (RuntimeException | Error e) {
      if (!running.completeExceptionally(e)) {
        failures.accept(
            this, new UnhandledFailure(name + " stopped: " + e, e, Optional.empty()));
      }
    } finally {
      opened.close();
    }
  }

  private Void runUntilStopped() {
    stopSignal = loop.newFuture();
    running.complete(loop);
    if (!stopRequested) {
      stopSignal.await();
    }
    return null;
  }
}

package asyncigo.loop.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.Future;
import asyncigo.api.Handle;
import asyncigo.api.Loop;
import asyncigo.api.LoopOptions;
import asyncigo.api.Promise;
import asyncigo.api.Task;
import asyncigo.tck.ForeignThread;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The loop-confined methods of {@link Loop}, {@link Future}, {@link Task} and {@link Handle},
 * called from a thread that is not the loop's: each throws {@link IllegalStateException} naming
 * the method and the thread, before it changes anything. The thread-safe accessors answer.
 */
class LoopConfinementTest {
  /** A loop-confined method, by the name its message quotes, and a call of it. */
  private record Call(String method, ForeignThread.Action action) {}

  @Test
  void everyLoopConfinedMethodOfLoopFutureTaskAndHandleThrowsFromAnotherThreadAndChangesNothing() {
    try (Loop loop = Loop.open(LoopOptions.defaults().virtualTime(true))) {
      loop.run(
          () -> {
            Promise<String> future = loop.newFuture();
            Promise<String> failed = loop.newFuture();
            failed.fail(new IllegalArgumentException("boom"));
            Task<String> sleeper =
                loop.spawn(
                    "sleeper",
                    () -> {
                      loop.sleep(Duration.ofHours(1));
                      return "woke";
                    });
            loop.yieldNow();
            boolean[] ran = {false, false};
            Handle soon = loop.callSoon(() -> ran[0] = true);
            Handle later = loop.callLater(Duration.ofMillis(1), () -> ran[1] = true);
            Consumer<Future<String>> callback = f -> {};
            String before = snapshot(loop, future, failed, sleeper, soon, later);

            for (Call call : calls(loop, future, failed, sleeper, soon, later, callback)) {
              Throwable thrown = ForeignThread.call(call.action());
              assertInstanceOf(IllegalStateException.class, thrown, call.method());
              assertEquals(ForeignThread.confinedMessage(call.method()), thrown.getMessage());
            }

            assertEquals(before, snapshot(loop, future, failed, sleeper, soon, later));
            assertEquals(0, future.removeWhenDone(callback));
            loop.sleep(Duration.ofMillis(2));
            assertTrue(ran[0] && ran[1], "both callbacks ran");
            assertTrue(future.complete("mine"));
            assertEquals("mine", future.await());
            assertFalse(sleeper.isDone());
            return null;
          });
    }
  }

  @Test
  void stateNameAndCreationSiteAnswerOnAnyThreadAndSeeWhatTheLoopDid() {
    try (Loop loop = Loop.open(LoopOptions.defaults().virtualTime(true))) {
      loop.run(
          () -> {
            Promise<String> succeeded = loop.newFuture();
            Promise<String> cancelled = loop.newFuture();
            Task<String> task = loop.spawn("worker", () -> "done");
            AtomicReference<String> seen = new AtomicReference<>();
            Runnable look =
                () ->
                    seen.set(
                        List.of(
                                succeeded.state(),
                                succeeded.isDone(),
                                cancelled.isCancelled(),
                                task.name(),
                                task.state(),
                                task.creationSite(),
                                task.loop() == loop)
                            .toString());

            assertNull(ForeignThread.call(look::run));
            assertEquals("[PENDING, false, false, worker, PENDING, [], true]", seen.get());
            succeeded.complete("yes");
            cancelled.cancel();
            task.await();
            assertNull(ForeignThread.call(look::run));
            assertEquals("[SUCCEEDED, true, true, worker, SUCCEEDED, [], true]", seen.get());
            return null;
          });
    }
  }

  private static List<Call> calls(
      Loop loop,
      Promise<String> future,
      Future<String> failed,
      Task<String> task,
      Handle soon,
      Handle later,
      Consumer<Future<String>> callback) {
    return List.of(
        new Call("Loop.run", () -> loop.run(() -> 1)),
        new Call("Loop.spawn", () -> loop.spawn(() -> 1)),
        new Call("Loop.spawn", () -> loop.spawn("named", () -> 1)),
        new Call("Loop.newFuture", loop::newFuture),
        new Call("Loop.callSoon", () -> loop.callSoon(() -> {})),
        new Call("Loop.callLater", () -> loop.callLater(Duration.ZERO, () -> {})),
        new Call("Loop.callAt", () -> loop.callAt(0, () -> {})),
        new Call("Loop.yieldNow", loop::yieldNow),
        new Call("Loop.sleep", () -> loop.sleep(Duration.ofSeconds(1))),
        new Call("Loop.toThread", () -> loop.toThread(() -> 1)),
        new Call("Loop.adapt", () -> loop.adapt(CompletableFuture.completedFuture(1))),
        new Call("Loop.currentTask", loop::currentTask),
        new Call("Loop.tasks", loop::tasks),
        new Call("Loop.dumpTasks", loop::dumpTasks),
        new Call("Loop.connect", () -> loop.connect("127.0.0.1", 1)),
        new Call("Loop.connect", () -> loop.connect("127.0.0.1:1")),
        new Call("Loop.listen", () -> loop.listen("127.0.0.1", 0, stream -> {})),
        new Call("Loop.pipe", loop::pipe),
        new Call("Loop.close", loop::close),
        new Call("Future.await", future::await),
        new Call("Promise.complete", () -> future.complete("theirs")),
        new Call("Promise.fail", () -> future.fail(new IllegalStateException("theirs"))),
        new Call("Future.cancel", future::cancel),
        new Call("Future.resultNow", failed::resultNow),
        new Call("Future.exceptionNow", failed::exceptionNow),
        new Call("Future.whenDone", () -> future.whenDone(callback)),
        new Call("Future.removeWhenDone", () -> future.removeWhenDone(callback)),
        new Call("Future.shield", future::shield),
        new Call("Future.await", task::await),
        new Call("Task.cancel", task::cancel),
        new Call("Task.cancelling", task::cancelling),
        new Call("Task.uncancel", task::uncancel),
        new Call("Task.shielded", () -> task.shielded(() -> 1)),
        new Call("Task.awaiting", task::awaiting),
        new Call("Task.stack", task::stack),
        new Call("Handle.cancel", soon::cancel),
        new Call("Handle.isCancelled", soon::isCancelled),
        new Call("Handle.cancel", later::cancel),
        new Call("Handle.isCancelled", later::isCancelled));
  }

  /** What the calls could have changed, as the loop thread sees it. */
  private static String snapshot(
      Loop loop,
      Promise<String> future,
      Future<String> failed,
      Task<String> task,
      Handle soon,
      Handle later) {
    return List.of(
            loop.tasks(),
            future.state(),
            failed.state(),
            task.state(),
            task.cancelling(),
            soon.isCancelled(),
            later.isCancelled())
        .toString();
  }
}

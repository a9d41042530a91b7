package asyncigo.loop.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.CancelledException;
import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.LoopOptions;
import asyncigo.api.Promise;
import asyncigo.api.Task;
import asyncigo.tck.ForeignThread;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@link Future#toCompletableFuture()} called from a thread that is not the loop's. */
class CompletableFutureViewTest {

  /** The view {@code future} gives a thread named "intruder". */
  private static <T> CompletableFuture<T> viewFromAnotherThread(Future<T> future) {
    AtomicReference<CompletableFuture<T>> view = new AtomicReference<>();
    assertNull(ForeignThread.call(() -> view.set(future.toCompletableFuture())));
    return view.get();
  }

  @Test
  void anotherThreadGetsTheViewOfAPendingFutureAndItCompletesWhenTheFutureDoes() {
    String result =
        VirtualLoop.run(
            () -> {
              Loop loop = Loop.current();
              Promise<String> future = loop.newFuture();
              CompletableFuture<String> view = viewFromAnotherThread(future);
              assertSame(view, future.toCompletableFuture());
              assertFalse(view.isDone());
              future.complete("done");
              return loop.adapt(view).await();
            });
    assertEquals("done", result);
  }

  @Test
  void aDoneFutureGivesAnotherThreadAViewThatIsAlreadyComplete() {
    VirtualLoop.run(
        () -> {
          Loop loop = Loop.current();
          Promise<String> succeeded = loop.newFuture();
          succeeded.complete("done");
          Promise<String> failed = loop.newFuture();
          failed.fail(new IllegalArgumentException("bad"));
          Promise<String> cancelled = loop.newFuture();
          cancelled.cancel();

          assertEquals("done", viewFromAnotherThread(succeeded).getNow(null));
          ExecutionException e =
              assertThrows(ExecutionException.class, () -> viewFromAnotherThread(failed).get());
          assertInstanceOf(IllegalArgumentException.class, e.getCause());
          assertEquals("bad", e.getCause().getMessage());
          assertTrue(viewFromAnotherThread(cancelled).isCancelled());
          return null;
        });
  }

  @Test
  void aTaskFailureSeenThroughAnotherThreadsViewIsRetrievedAndNotReported() {
    VirtualLoop fixture = new VirtualLoop();
    try (Loop loop = fixture.loop) {
      fixture.runHere(
          () -> {
            Task<Void> failing =
                loop.spawn(
                    "failing",
                    () -> {
                      throw new IllegalStateException("seen");
                    });
            loop.yieldNow();
            assertTrue(failing.isDone());
            assertTrue(viewFromAnotherThread(failing).isCompletedExceptionally());
            loop.yieldNow();
            return null;
          });
    }
    assertEquals(List.of(), fixture.unhandled);
  }

  @Test
  void cancellingTheViewFromAnotherThreadCancelsTheFuture() {
    VirtualLoop.run(
        () -> {
          Promise<String> future = Loop.current().newFuture();
          CompletableFuture<String> view = viewFromAnotherThread(future);
          assertNull(ForeignThread.call(() -> view.cancel(false)));
          assertThrows(CancelledException.class, future::await);
          return null;
        });
  }

  @Test
  void aPendingFutureOfAClosedLoopHasNoViewBecauseItCanNeverComplete() {
    Future<String> future;
    try (Loop loop = Loop.open(LoopOptions.defaults().virtualTime(true))) {
      future = loop.newFuture();
    }
    Throwable thrown = ForeignThread.call(future::toCompletableFuture);
    assertInstanceOf(IllegalStateException.class, thrown);
    assertEquals(
        "Future.toCompletableFuture: the future is pending and its loop is closed, so it can"
            + " never complete",
        thrown.getMessage());
  }
}

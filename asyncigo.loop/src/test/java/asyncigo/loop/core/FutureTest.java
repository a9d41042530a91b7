package asyncigo.loop.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.CancelledException;
import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class FutureTest {

  @Test
  void theFirstCompletionWins() {
    VirtualLoop.run(
        () -> {
          Promise<String> f = Loop.current().newFuture();
          assertTrue(f.complete("first"));
          assertFalse(f.complete("second"));
          assertFalse(f.fail(new RuntimeException()));
          assertFalse(f.cancel());
          assertEquals("first", f.await());
          return null;
        });
  }

  @Test
  void completingAFutureRunsNoCallbackInsideTheCompletingCall() {
    List<String> order = new ArrayList<>();
    VirtualLoop.run(
        () -> {
          Loop loop = Loop.current();
          Promise<String> f = loop.newFuture();
          f.whenDone(x -> order.add("callback 1"));
          f.whenDone(x -> order.add("callback 2"));
          loop.spawn(
              () -> {
                order.add("waiter resumed with " + f.await());
                return null;
              });
          loop.yieldNow();
          f.complete("v");
          order.add("after complete");
          loop.yieldNow();
          return null;
        });
    assertEquals(
        List.of("after complete", "callback 1", "callback 2", "waiter resumed with v"), order);
  }

  @Test
  void aCallbackAddedAfterCompletionRunsThroughTheQueueToo() {
    List<String> order = new ArrayList<>();
    VirtualLoop.run(
        () -> {
          Promise<Integer> f = Loop.current().newFuture();
          f.complete(1);
          f.whenDone(x -> order.add("callback"));
          order.add("after whenDone");
          Loop.current().yieldNow();
          return null;
        });
    assertEquals(List.of("after whenDone", "callback"), order);
  }

  @Test
  void removeWhenDoneRemovesEveryPendingRegistration() {
    List<String> order = new ArrayList<>();
    VirtualLoop.run(
        () -> {
          Promise<Integer> f = Loop.current().newFuture();
          Consumer<Future<Integer>> cb = x -> order.add("removed callback ran");
          f.whenDone(cb);
          f.whenDone(x -> order.add("kept"));
          f.whenDone(cb);
          assertEquals(2, f.removeWhenDone(cb));
          f.complete(1);
          Loop.current().yieldNow();
          return null;
        });
    assertEquals(List.of("kept"), order);
  }

  @Test
  void resultNowAndExceptionNowStateWhyTheyCannotAnswer() {
    VirtualLoop.run(
        () -> {
          Promise<Integer> f = Loop.current().newFuture();
          assertEquals(
              "future is still pending",
              assertThrows(IllegalStateException.class, f::resultNow).getMessage());
          assertThrows(IllegalStateException.class, f::exceptionNow);
          RuntimeException boom = new RuntimeException("boom");
          f.fail(boom);
          assertSame(boom, f.exceptionNow());
          assertSame(boom, assertThrows(RuntimeException.class, f::resultNow));
          Promise<Integer> c = Loop.current().newFuture();
          c.cancel();
          assertThrows(CancelledException.class, c::resultNow);
          return null;
        });
  }

  @Test
  void failRejectsNull() {
    VirtualLoop.run(
        () -> {
          Promise<Integer> f = Loop.current().newFuture();
          assertThrows(NullPointerException.class, () -> f.fail(null));
          assertThrows(NullPointerException.class, () -> f.whenDone(null));
          return null;
        });
  }

  @Test
  void shieldOfADoneFutureIsTheFutureItself() {
    VirtualLoop.run(
        () -> {
          Promise<Integer> f = Loop.current().newFuture();
          f.complete(3);
          assertSame(f, f.shield());
          return null;
        });
  }

  @Test
  void aShieldMirrorsTheOriginalsResult() {
    int r =
        VirtualLoop.run(
            () -> {
              Loop loop = Loop.current();
              Promise<Integer> f = loop.newFuture();
              Future<Integer> s = f.shield();
              loop.callSoon(() -> f.complete(9));
              return s.await();
            });
    assertEquals(9, r);
  }

  @Test
  void theCompletableFutureViewCompletesWhenTheFutureDoes() throws Exception {
    CompletableFuture<String> view =
        VirtualLoop.run(
            () -> {
              Loop loop = Loop.current();
              Promise<String> f = loop.newFuture();
              CompletableFuture<String> v = f.toCompletableFuture();
              assertSame(v, f.toCompletableFuture());
              loop.callSoon(() -> f.complete("done"));
              f.await();
              loop.yieldNow();
              return v;
            });
    assertEquals("done", view.get());
  }

  @Test
  void cancellingTheViewCancelsTheFuture() {
    VirtualLoop.run(
        () -> {
          Loop loop = Loop.current();
          Promise<String> f = loop.newFuture();
          f.toCompletableFuture().cancel(false);
          assertThrows(CancelledException.class, f::await);
          return null;
        });
  }

  @Test
  void aFailedFutureFailsItsView() {
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () ->
                VirtualLoop.run(
                        () -> {
                          Loop loop = Loop.current();
                          Promise<String> f = loop.newFuture();
                          CompletableFuture<String> v = f.toCompletableFuture();
                          f.fail(new IllegalStateException("bad"));
                          loop.yieldNow();
                          return v;
                        })
                    .get());
    assertEquals("bad", e.getCause().getMessage());
  }

  @Test
  void anAdaptedStageDeliversItsResultOnTheLoop() {
    String r =
        VirtualLoop.run(
            () -> {
              CompletableFuture<String> cf = new CompletableFuture<>();
              Future<String> f = Loop.current().adapt(cf);
              new Thread(() -> cf.complete("from another thread")).start();
              return f.await();
            });
    assertEquals("from another thread", r);
  }

  @Test
  void anAdaptedStageFailureIsUnwrapped() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                VirtualLoop.run(
                    () ->
                        Loop.current()
                            .adapt(
                                CompletableFuture.supplyAsync(
                                    () -> {
                                      throw new IllegalStateException("inner");
                                    }))
                            .await()));
    assertEquals("inner", e.getMessage());
  }
}

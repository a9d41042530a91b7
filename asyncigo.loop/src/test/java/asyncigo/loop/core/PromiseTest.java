package asyncigo.loop.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.Promise;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The write side of a future: {@link Loop#newFuture()} returns a {@link Promise}, completed once
 * and only on the loop's thread. That a {@link asyncigo.api.Task} has no write side is checked
 * in {@code TaskLifecycleTest}.
 */
class PromiseTest {

  @Test
  void completingTwiceReturnsFalseTheSecondTimeAndKeepsTheFirstResult() {
    String result =
        VirtualLoop.run(
            () -> {
              Promise<String> p = Loop.current().newFuture();
              assertTrue(p.complete("first"));
              assertFalse(p.complete("second"));
              return p.await();
            });
    assertEquals("first", result);
  }

  @Test
  void failingAfterCompletingReturnsFalseAndChangesNothing() {
    VirtualLoop.run(
        () -> {
          Promise<String> p = Loop.current().newFuture();
          assertTrue(p.complete("done"));
          assertFalse(p.fail(new IllegalStateException("too late")));
          assertEquals(Future.State.SUCCEEDED, p.state());
          assertEquals("done", p.resultNow());
          return null;
        });
  }

  @Test
  void completingAfterFailingOrCancellingReturnsFalse() {
    VirtualLoop.run(
        () -> {
          Promise<String> failed = Loop.current().newFuture();
          assertTrue(failed.fail(new IllegalStateException("boom")));
          assertFalse(failed.complete("late"));
          assertEquals("boom", failed.exceptionNow().getMessage());
          Promise<String> cancelled = Loop.current().newFuture();
          assertTrue(cancelled.cancel());
          assertFalse(cancelled.complete("late"));
          assertFalse(cancelled.fail(new IllegalStateException("late")));
          assertEquals(Future.State.CANCELLED, cancelled.state());
          return null;
        });
  }

  @Test
  void completingOrFailingFromAnotherThreadFailsFastAndLeavesThePromisePending() {
    VirtualLoop.run(
        () -> {
          Promise<String> p = Loop.current().newFuture();
          IllegalStateException complete =
              CompletableFuture.supplyAsync(
                      () -> assertThrows(IllegalStateException.class, () -> p.complete("x")))
                  .join();
          IllegalStateException fail =
              CompletableFuture.supplyAsync(
                      () ->
                          assertThrows(
                              IllegalStateException.class,
                              () -> p.fail(new RuntimeException("x"))))
                  .join();
          assertTrue(
              complete
                  .getMessage()
                  .startsWith(
                      "Promise.complete is loop-confined: call it on the loop's thread (inside a"
                          + " task or callback of the loop), not from thread "),
              complete.getMessage());
          assertTrue(
              fail.getMessage().startsWith("Promise.fail is loop-confined: "), fail.getMessage());
          assertEquals(Future.State.PENDING, p.state());
          assertTrue(p.complete("on the loop"));
          return null;
        });
  }

  @Test
  void failingWithNullIsRefusedBeforeAnyStateChange() {
    VirtualLoop.run(
        () -> {
          Promise<String> p = Loop.current().newFuture();
          NullPointerException e = assertThrows(NullPointerException.class, () -> p.fail(null));
          assertEquals("failure must not be null", e.getMessage());
          assertEquals(Future.State.PENDING, p.state());
          return null;
        });
  }
}

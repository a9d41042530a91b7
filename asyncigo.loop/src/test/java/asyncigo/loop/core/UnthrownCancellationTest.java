package asyncigo.loop.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.CancelledException;
import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.Promise;
import asyncigo.api.Task;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Nothing delivered to a task is discarded: a task ends cancelled only if a cancellation was
 * thrown into its body (or the body threw one); a request that never reached the body leaves its
 * value or failure. The thrown+caught case is in {@link CancellationTest}.
 */
class UnthrownCancellationTest {

  @Test
  void aBodyThatReturnsADeliveredValueBeforeTheCancellationIsThrownSucceedsWithIt() {
    VirtualLoop.run(
        () -> {
          Loop loop = Loop.current();
          Promise<String> reply = loop.newFuture();
          Task<String> t = loop.spawn(reply::await);
          loop.yieldNow();
          reply.complete("reply");
          assertTrue(t.cancel());
          assertEquals("reply", t.await());
          assertEquals(Future.State.SUCCEEDED, t.state());
          assertEquals(1, t.cancelling(), "the request stays visible");
          return null;
        });
  }

  @Test
  void aBodyThatFailsBeforeTheCancellationIsThrownFailsWithItsOwnException() {
    VirtualLoop.run(
        () -> {
          Loop loop = Loop.current();
          Promise<String> reply = loop.newFuture();
          Task<String> t =
              loop.spawn(
                  () -> {
                    throw new IllegalArgumentException("bad " + reply.await());
                  });
          loop.yieldNow();
          reply.complete("reply");
          assertTrue(t.cancel());
          IllegalArgumentException e = assertThrows(IllegalArgumentException.class, t::await);
          assertEquals("bad reply", e.getMessage());
          assertEquals(Future.State.FAILED, t.state());
          return null;
        });
  }

  /** Once uncancel() withdrew every request, an earlier thrown cancellation no longer counts. */
  @Test
  void aCancellationThrownAndWithdrawnDoesNotCancelTheTaskForALaterUnthrownRequest() {
    VirtualLoop.run(
        () -> {
          Loop loop = Loop.current();
          Promise<String> reply = loop.newFuture();
          Task<String> t =
              loop.spawn(
                  () -> {
                    Task<?> me = loop.currentTask().orElseThrow();
                    me.cancel();
                    assertThrows(CancelledException.class, loop::yieldNow);
                    assertEquals(0, me.uncancel());
                    return reply.await();
                  });
          loop.yieldNow();
          reply.complete("reply");
          assertTrue(t.cancel());
          assertEquals("reply", t.await());
          return null;
        });
  }

  /** Withdrawing one of two requests leaves the thrown cancellation in force. */
  @Test
  void aThrownCancellationStillCountsWhileAnotherRequestIsPending() {
    VirtualLoop.run(
        () -> {
          Loop loop = Loop.current();
          Task<String> t =
              loop.spawn(
                  () -> {
                    Task<?> me = loop.currentTask().orElseThrow();
                    me.cancel();
                    me.cancel();
                    assertThrows(CancelledException.class, loop::yieldNow);
                    assertEquals(1, me.uncancel());
                    return "value";
                  });
          assertThrows(CancelledException.class, t::await);
          assertEquals(Future.State.CANCELLED, t.state());
          return null;
        });
  }

  /** A request held back by a shield takes effect at the next await; without one, the value stays. */
  @Test
  void aBodyThatReturnsRightAfterAShieldedRegionKeepsItsValue() {
    VirtualLoop.run(
        () -> {
          Loop loop = Loop.current();
          Task<String> t =
              loop.spawn(
                  () ->
                      loop.currentTask()
                          .orElseThrow()
                          .shielded(
                              () -> {
                                loop.sleep(Duration.ofSeconds(1));
                                return "cleaned up";
                              }));
          loop.yieldNow();
          assertTrue(t.cancel());
          assertEquals("cleaned up", t.await());
          return null;
        });
  }
}

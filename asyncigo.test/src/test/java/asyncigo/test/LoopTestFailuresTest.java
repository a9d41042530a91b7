package asyncigo.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.Loop;
import asyncigo.api.LoopOptions;
import asyncigo.api.Task;
import asyncigo.test.internal.LoopUnderTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * What makes a test run by {@link AsyncigoTest} fail besides its own assertions: the extension's
 * loop, driven here directly with a test body, as the extension drives it with the test method.
 */
class LoopTestFailuresTest {
  private static Throwable failureOf(LoopUnderTest.Body body, Loop[] loop) {
    try (LoopUnderTest test = LoopUnderTest.open(LoopOptions.defaults().virtualTime(true))) {
      loop[0] = test.loop();
      return assertThrows(Throwable.class, () -> test.run(body, Duration.ofSeconds(60)));
    }
  }

  @Test
  void aTaskLeftPendingFailsTheTestNamesItAndIsCancelled() {
    Loop[] loop = new Loop[1];
    Task<?>[] forgotten = new Task<?>[1];
    Throwable e = failureOf(
        () -> forgotten[0] = loop[0].spawn("forgotten", () -> loop[0].newFuture().await()), loop);
    assertTrue(e instanceof AssertionFailedError, e.toString());
    assertTrue(
        e.getMessage().startsWith("the test left 1 task pending [forgotten]; they were cancelled:\n"),
        e.getMessage());
    assertTrue(e.getMessage().contains("forgotten"), e.getMessage());
    assertTrue(forgotten[0].isCancelled());
  }

  @Test
  void aTaskFailureNobodyRetrievedFailsTheTestWithItAsTheCause() {
    Loop[] loop = new Loop[1];
    Throwable e = failureOf(() -> loop[0].spawn("doomed", () -> {
      throw new IllegalStateException("boom");
    }), loop);
    assertTrue(e instanceof AssertionFailedError, e.toString());
    assertTrue(
        e.getMessage().startsWith(
            "a failure reached the loop's exception handler: Task exception was never retrieved:"
                + " task doomed"),
        e.getMessage());
    assertEquals("boom", e.getCause().getMessage());
  }

  @Test
  void theTestsOwnFailureWinsAndCarriesTheUnhandledOnesAsSuppressed() {
    Loop[] loop = new Loop[1];
    Throwable e = failureOf(() -> {
      Task<Void> doomed = loop[0].spawn("doomed", () -> {
        throw new IllegalStateException("unobserved");
      });
      loop[0].yieldNow();
      assertTrue(doomed.isDone());
      throw new AssertionError("the test's own failure");
    }, loop);
    assertEquals("the test's own failure", e.getMessage());
    assertEquals(1, e.getSuppressed().length);
    assertEquals("unobserved", e.getSuppressed()[0].getMessage());
  }

  @Test
  void aTestWaitingForeverIsCancelledAtItsRealTimeLimitAndFailsWithTheTaskDump() {
    try (LoopUnderTest test = LoopUnderTest.open(LoopOptions.defaults().virtualTime(true))) {
      Loop loop = test.loop();
      Throwable e = assertThrows(
          Throwable.class,
          () -> test.run(() -> loop.spawn("never", () -> loop.newFuture().await()).await(),
              Duration.ofMillis(50)));
      assertTrue(e instanceof AssertionFailedError, e.toString());
      assertTrue(
          e.getMessage().startsWith(
              "the test ran longer than its limit of 50 ms of real time, so its main task was"
                  + " cancelled; the tasks then:\n"),
          e.getMessage());
      assertTrue(e.getMessage().contains("never"), e.getMessage());
      assertTrue(e.getCause() instanceof asyncigo.api.CancelledException, String.valueOf(e.getCause()));
    }
  }

  @Test
  void aBodyThatAwaitsWhatItSpawnsPassesAndTheLoopStaysUsable() throws Throwable {
    try (LoopUnderTest test = LoopUnderTest.open(LoopOptions.defaults().virtualTime(true))) {
      Loop loop = test.loop();
      int[] got = new int[1];
      test.run(() -> got[0] = loop.spawn(() -> 42).await(), Duration.ofSeconds(60));
      assertEquals(42, got[0]);
    }
  }
}

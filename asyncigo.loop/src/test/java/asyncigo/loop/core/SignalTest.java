package asyncigo.loop.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.Handle;
import asyncigo.api.Loop;
import asyncigo.api.LoopOptions;
import asyncigo.api.Promise;
import asyncigo.api.UnhandledFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * {@link Loop#onSignal}, with real signals raised in this JVM: SIGUSR1 only. Before each test a
 * marker handler replaces the JVM's (which would end the process on SIGUSR1); it counts what
 * reaches it and shows whether the loop put it back.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SignalTest {
  private static final Signal USR1 = new Signal("USR1");

  private final List<Signal> reachedMarker = new CopyOnWriteArrayList<>();
  private final SignalHandler marker = reachedMarker::add;
  private SignalHandler original;

  @BeforeEach
  void installMarker() {
    original = Signal.handle(USR1, marker);
  }

  @AfterEach
  void restoreOriginal() {
    Signal.handle(USR1, original);
  }

  @Test
  void theCallbackRunsOnTheLoopThreadNotOnTheJvmsSignalThread() {
    try (Loop loop = Loop.open()) {
      Thread driver = Thread.currentThread();
      String ranOn =
          loop.run(() -> {
            Promise<String> ran = loop.newFuture();
            loop.onSignal("USR1", () -> ran.complete(
                (loop.inLoop() ? "in the loop" : "outside")
                    + (loop.currentTask().isEmpty() ? ", as a callback" : ", in a task")
                    + (Thread.currentThread() == driver ? ", on the driver" : ", elsewhere")));
            Signal.raise(USR1);
            return ran.await();
          });
      assertEquals("in the loop, as a callback, on the driver", ranOn);
    }
    assertEquals(List.of(), reachedMarker);
  }

  @Test
  void handlersOfOneSignalRunInRegistrationOrderOnEachLoopAndOnEveryLoop() throws Exception {
    List<String> ran = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> otherRegistered = new CompletableFuture<>();
    CompletableFuture<String> other = new CompletableFuture<>();
    Thread otherThread = Thread.ofPlatform().start(() -> {
      try (Loop otherLoop = Loop.open()) {
        other.complete(otherLoop.run(() -> {
          Promise<String> got = otherLoop.newFuture();
          otherLoop.onSignal("SIGUSR1", () -> got.complete("other loop"));
          otherRegistered.complete(null);
          return got.await();
        }));
      }
    });
    otherRegistered.get(10, TimeUnit.SECONDS);
    try (Loop loop = Loop.open()) {
      loop.run(() -> {
        Promise<Void> last = loop.newFuture();
        loop.onSignal("USR1", () -> ran.add("first"));
        loop.onSignal("SIGUSR1", () -> ran.add("second"));
        loop.onSignal("usr1", () -> {
          ran.add("third");
          last.complete(null);
        });
        Signal.raise(USR1);
        return last.await();
      });
    }
    assertEquals(List.of("first", "second", "third"), ran);
    assertEquals("other loop", other.get(10, TimeUnit.SECONDS));
    otherThread.join();
  }

  @Test
  void cancellingTheLastHandlePutsThePreviousHandlerBack() {
    try (Loop loop = Loop.open()) {
      List<String> ran = loop.run(() -> {
        List<String> got = new ArrayList<>();
        Promise<Void> second = loop.newFuture();
        Handle first = loop.onSignal("USR1", () -> got.add("first"));
        Handle kept = loop.onSignal("USR1", () -> {
          got.add("kept");
          second.complete(null);
        });
        assertTrue(first.cancel());
        assertFalse(first.cancel(), "twice");
        assertTrue(first.isCancelled());
        Signal.raise(USR1);
        second.await();
        assertTrue(kept.cancel());
        assertEquals(Long.MAX_VALUE, kept.when());
        return got;
      });
      assertEquals(List.of("kept"), ran);
    }
    assertSame(marker, Signal.handle(USR1, marker), "the marker is the handler again");
    assertEquals(List.of(), reachedMarker);
  }

  @Test
  void closingTheLoopUnregistersItsHandlersAndPutsThePreviousHandlerBack() {
    Handle handle;
    try (Loop loop = Loop.open()) {
      handle = loop.run(() -> loop.onSignal("USR1", () -> {}));
      assertFalse(handle.isCancelled());
    }
    assertTrue(handle.isCancelled());
    assertFalse(handle.cancel(), "unregistered with its loop");
    assertSame(marker, Signal.handle(USR1, marker));
  }

  @Test
  void anExceptionFromTheCallbackGoesToTheLoopsExceptionHandler() {
    List<UnhandledFailure> reports = new CopyOnWriteArrayList<>();
    IllegalStateException failure = new IllegalStateException("handler failed");
    try (Loop loop = Loop.open(LoopOptions.defaults().exceptionHandler(reports::add))) {
      loop.run(() -> {
        Promise<Void> after = loop.newFuture();
        loop.onSignal("USR1", () -> {
          throw failure;
        });
        loop.onSignal("USR1", () -> after.complete(null));
        Signal.raise(USR1);
        return after.await();
      });
    }
    assertEquals(1, reports.size(), reports::toString);
    assertEquals("Exception in callback", reports.get(0).message());
    assertSame(failure, reports.get(0).exception());
  }

  @Test
  void anUnknownOrReservedSignalIsRefusedByNameAndNothingIsRegistered() {
    try (Loop loop = Loop.open()) {
      assertEquals(
          "Loop.onSignal: unknown signal 'BOGUS'; expected one of HUP, INT, TERM, USR1, WINCH,"
              + " ALRM, CHLD, CONT, TSTP, TTIN, TTOU, URG (with or without SIG)",
          refused(loop, "BOGUS"));
      assertEquals(
          "Loop.onSignal: signal SIGKILL cannot be handled: a process cannot catch it",
          refused(loop, "SIGKILL"));
      assertEquals(
          "Loop.onSignal: signal STOP cannot be handled: a process cannot catch it",
          refused(loop, "STOP"));
      assertEquals(
          "Loop.onSignal: signal QUIT cannot be handled: the JVM uses it to print thread dumps",
          refused(loop, "QUIT"));
      assertEquals(
          "Loop.onSignal: signal USR2 cannot be handled: HotSpot uses it to suspend threads"
              + " (JFR sampling, profilers)",
          refused(loop, "USR2"));
      assertEquals(
          "signal name must not be null",
          assertThrows(NullPointerException.class, () -> loop.onSignal(null, () -> {}))
              .getMessage());
      assertEquals(
          "callback must not be null",
          assertThrows(NullPointerException.class, () -> loop.onSignal("USR1", null))
              .getMessage());
    }
    assertSame(marker, Signal.handle(USR1, marker), "nothing was installed");
  }

  @Test
  void registeringFromAnotherThreadIsRefusedBeforeAnythingChanges() throws Exception {
    try (Loop loop = Loop.open()) {
      CompletableFuture<Throwable> thrown = new CompletableFuture<>();
      Thread.ofPlatform().name("worker-7").start(() -> {
        try {
          loop.onSignal("USR1", () -> {});
          thrown.complete(null);
        } catch (Throwable t) {
          thrown.complete(t);
        }
      });
      Throwable refusal = thrown.get(10, TimeUnit.SECONDS);
      assertTrue(refusal instanceof IllegalStateException, String.valueOf(refusal));
      assertEquals(
          "Loop.onSignal is loop-confined: call it on the loop's thread (inside a task or"
              + " callback of the loop), not from thread worker-7",
          refusal.getMessage());
    }
    assertSame(marker, Signal.handle(USR1, marker));
  }

  private static String refused(Loop loop, String name) {
    return assertThrows(IllegalArgumentException.class, () -> loop.onSignal(name, () -> {}))
        .getMessage();
  }
}

package asyncigo.loop.sync;

import static asyncigo.api.Async.currentTask;
import static asyncigo.api.Async.shielded;
import static asyncigo.api.Async.sleep;
import static asyncigo.api.Async.spawn;
import static asyncigo.loop.sync.OnLoop.nowMillis;
import static asyncigo.loop.sync.TaskGroupTest.after;
import static asyncigo.loop.sync.TaskGroupTest.ms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.CancelledException;
import asyncigo.api.Task;
import asyncigo.api.sync.AsyncQueue;
import asyncigo.api.sync.Cleanup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/** Cleanup that awaits in a cancelled task: Task.shielded, and Cleanup.shielded with a limit. */
@Timeout(value = 10, threadMode = ThreadMode.SEPARATE_THREAD)
class CleanupTest {

  /** The peer reads one message every 5 ms from a connection that buffers one message. */
  private static Task<Void> slowPeer(AsyncQueue<String> connection, List<String> log) {
    return spawn(
        () -> {
          while (true) {
            sleep(ms(5));
            log.add("peer read " + connection.get() + " at " + nowMillis());
          }
        });
  }

  @Test
  void aCancelledTaskSendsAGoodbyeThatHasToWaitForRoom() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          AsyncQueue<String> connection = AsyncQueue.fifo(1);
          Task<Void> session =
              spawn(
                  () -> {
                    try {
                      connection.put("hello");
                      connection.put("data"); // waits: the peer reads slowly
                      return null;
                    } finally {
                      shielded(
                          () -> {
                            connection.put("bye");
                            return null;
                          });
                      log.add("goodbye sent at " + nowMillis());
                    }
                  });
          OnLoop.settle();
          session.cancel();
          Task<Void> peer = slowPeer(connection, log);
          assertThrows(CancelledException.class, session::await);
          sleep(ms(10));
          peer.cancel();
          return null;
        });
    assertEquals(
        List.of("peer read hello at 5", "goodbye sent at 5", "peer read bye at 10"), log);
  }

  @Test
  void shieldedCleanupReturnsTheBlocksResultAndTheCancellationTakesEffectAfterIt() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          Task<Object> session =
              spawn(
                  () -> {
                    try {
                      return after(1000);
                    } finally {
                      Optional<String> sent =
                          Cleanup.shielded(Duration.ofSeconds(1), () -> "bye at " + after(5));
                      log.add("cleanup returned " + sent.orElseThrow());
                      log.add("still cancelled: " + (currentTask().cancelling() == 1));
                    }
                  });
          sleep(ms(10));
          session.cancel();
          assertThrows(CancelledException.class, session::await);
          return null;
        });
    assertEquals(List.of("cleanup returned bye at 15", "still cancelled: true"), log);
  }

  @Test
  void shieldedCleanupGivesUpAtTheLimitAndWaitsForTheBlockToEnd() {
    List<String> log = new ArrayList<>();
    OnLoop.run(
        () -> {
          Task<Object> session =
              spawn(
                  () -> {
                    try {
                      return after(1000);
                    } finally {
                      Optional<Long> sent =
                          Cleanup.shielded(
                              ms(20),
                              () -> {
                                try {
                                  return after(1000); // a peer that never reads
                                } finally {
                                  log.add("cleanup block's finally at " + nowMillis());
                                }
                              });
                      log.add("cleanup gave up (" + sent.isEmpty() + ") at " + nowMillis());
                    }
                  });
          sleep(ms(10));
          session.cancel();
          assertThrows(CancelledException.class, session::await);
          assertTrue(session.isCancelled());
          return null;
        });
    assertEquals(
        List.of("cleanup block's finally at 30", "cleanup gave up (true) at 30"), log);
  }

  @Test
  void shieldedCleanupRethrowsTheBlocksFailure() {
    OnLoop.run(
        () -> {
          IllegalStateException e =
              assertThrows(
                  IllegalStateException.class,
                  () ->
                      Cleanup.shielded(
                          ms(20),
                          () -> {
                            throw new IllegalStateException("peer gone");
                          }));
          assertEquals("peer gone", e.getMessage());
          IllegalArgumentException negative =
              assertThrows(
                  IllegalArgumentException.class, () -> Cleanup.shielded(ms(-1), () -> 1));
          assertEquals("cleanup limit must not be negative: PT-0.001S", negative.getMessage());
          return null;
        });
  }
}

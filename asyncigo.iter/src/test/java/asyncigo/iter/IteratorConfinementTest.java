package asyncigo.iter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.Loop;
import asyncigo.api.LoopOptions;
import asyncigo.api.iter.AsyncIterator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * An iterator first called inside a loop belongs to that loop: called from another thread it
 * throws {@link IllegalStateException} naming the method and the thread, before it changes
 * anything.
 */
class IteratorConfinementTest {

  /** Runs {@code action} on a new thread named "intruder"; returns what it threw, or null. */
  private static Throwable fromAnotherThread(Runnable action) throws InterruptedException {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                action.run();
              } catch (Throwable t) {
                thrown.set(t);
              }
            },
            "intruder");
    thread.start();
    thread.join();
    return thrown.get();
  }

  @Test
  void anIteratorCalledFromAnotherThreadThrowsAndGoesOnOnItsLoop() {
    List<Integer> got = new ArrayList<>();
    try (Loop loop = Loop.open(LoopOptions.defaults().virtualTime(true))) {
      loop.run(
          () -> {
            AsyncSeq<Integer> slowSquares =
                Iter.<Integer>generate(
                        yield -> {
                          for (int i = 1; i <= 3; i++) {
                            loop.sleep(Duration.ofMillis(1));
                            yield.yield(i);
                          }
                        })
                    .map(i -> i * i);
            try (AsyncIterator<Integer> it = slowSquares.iterator()) {
              assertTrue(it.hasNext());
              got.add(it.next());
              for (String method : List.of("hasNext", "next", "close")) {
                Throwable thrown =
                    fromAnotherThread(
                        switch (method) {
                          case "hasNext" -> it::hasNext;
                          case "next" -> it::next;
                          default -> it::close;
                        });
                assertInstanceOf(IllegalStateException.class, thrown, method);
                assertEquals(
                    "AsyncIterator."
                        + method
                        + " is loop-confined: call it on the loop's thread (inside a task or"
                        + " callback of the loop), not from thread intruder",
                    thrown.getMessage());
              }
              it.forEachRemaining(got::add);
            }
            return null;
          });
    }
    assertEquals(List.of(1, 4, 9), got);
  }
}

package asyncigo.iter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import asyncigo.api.Async;
import asyncigo.api.CancelledException;
import asyncigo.api.Loop;
import asyncigo.api.Task;
import asyncigo.api.iter.AsyncIterator;
import asyncigo.test.AsyncigoTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs each test as the main task of a fresh virtual-time loop (see {@code asyncigo.test}). */
@AsyncigoTest
class MergeTest {
  private static final Duration SECOND = Duration.ofSeconds(1);

  private static String seconds() {
    return "@" + Loop.current().time() / 1_000_000_000L;
  }

  @Test
  void elementsComeOutInTheOrderTheyArriveFromConcurrentSources() {
    Probe slow = new Probe(0, 3).pause(Duration.ofSeconds(3));
    Probe fast = new Probe(10, 2).pause(Duration.ofSeconds(2));
    List<String> seen = new ArrayList<>();
    for (int x : Iter.merge(slow.seq(), fast.seq())) {
      seen.add(x + seconds());
    }
    assertEquals(List.of("10@2", "0@3", "11@4", "1@6", "2@9"), seen);
    assertEquals(1, slow.finished);
    assertEquals(1, fast.finished);
  }

  @Test
  void forEachGivesTheSameArrivalOrder() {
    Probe slow = new Probe(0, 2).pause(Duration.ofSeconds(3));
    Probe fast = new Probe(10, 2).pause(Duration.ofSeconds(2));
    List<Integer> seen = new ArrayList<>();
    Iter.merge(slow.seq(), fast.seq()).forEach(seen::add);
    assertEquals(List.of(10, 0, 11, 1), seen);
  }

  @Test
  void nothingStartsBeforeTheFirstHasNextAndEachSourceRunsAtMostOneElementAhead() {
    Probe a = new Probe(0, 5);
    Probe b = new Probe(10, 5);
    try (AsyncIterator<Integer> it = Iter.merge(a.seq(), b.seq()).iterator()) {
      Async.sleep(SECOND);
      assertEquals(List.of(0, 0), List.of(a.started, b.started));
      assertEquals(0, it.next());
      Async.sleep(SECOND);
      assertEquals(List.of(2, 1), List.of(a.produced, b.produced));
    }
    assertEquals(List.of(1, 1), List.of(a.finished, b.finished));
  }

  @Test
  void closingTheMergeClosesEverySourceBeforeCloseReturns() {
    Probe a = new Probe(0, 5).pause(SECOND);
    Probe b = new Probe(10, 5).pause(Duration.ofMillis(1500));
    AsyncIterator<Integer> it = Iter.merge(a.seq(), b.seq()).iterator();
    assertEquals(List.of(0, 10, 1), List.of(it.next(), it.next(), it.next()));
    it.close();
    assertEquals(List.of(1, 1), List.of(a.finished, b.finished));
  }

  @Test
  void takeOnAMergeClosesEverySource() {
    Probe a = new Probe(0, 5);
    Probe b = new Probe(10, 5);
    assertEquals(2, Iter.merge(a.seq(), b.seq()).take(2).toList().size());
    assertEquals(List.of(1, 1), List.of(a.finished, b.finished));
  }

  @Test
  void aSourceFailureArrivesAfterTheElementsBeforeItAndStopsTheOtherSources() {
    Probe failing = new Probe(0, 5).pause(SECOND).failAfter(2);
    Probe other = new Probe(10, 5).pause(Duration.ofMillis(1500));
    List<Integer> seen = new ArrayList<>();
    AsyncIterator<Integer> it = Iter.merge(failing.seq(), other.seq()).iterator();
    RuntimeException thrown =
        assertThrows(RuntimeException.class, () -> it.forEachRemaining(seen::add));
    assertSame(failing.failure, thrown);
    assertEquals(1, other.finished, "the other source was closed");
    // failing yields 0@1, 1@2 and fails @2 (no pause before failing); other yields 10@1.5.
    assertEquals(List.of(0, 10, 1), seen);
  }

  @Test
  void cancellingTheConsumerClosesEverySourceBeforeItEnds() {
    Probe a = new Probe(0, 5).pause(SECOND);
    Probe b = new Probe(10, 5).pause(SECOND);
    List<String> log = new ArrayList<>();
    Task<Void> consumer =
        Async.spawn(
            () -> {
              try {
                for (int ignored : Iter.merge(a.seq(), b.seq())) {
                  // consume
                }
              } finally {
                log.add("finished " + a.finished + " " + b.finished);
              }
              return null;
            });
    Async.sleep(Duration.ofMillis(2500));
    consumer.cancel();
    assertThrows(CancelledException.class, consumer::await);
    assertEquals(List.of("finished 1 1"), log);
  }

  @Test
  void aForLoopThatBreaksReleasesEverySourceWhenTheConsumingTaskEnds() {
    Probe a = new Probe(0, 5);
    Probe b = new Probe(10, 5);
    Async.spawn(
            () -> {
              for (int ignored : Iter.merge(a.seq(), b.seq())) {
                break;
              }
              return null;
            })
        .await();
    Async.sleep(Duration.ofMillis(1));
    assertEquals(List.of(1, 1), List.of(a.finished, b.finished));
  }

  @Test
  void plainIterablesMergeToo() {
    List<Object> merged =
        Iter.<Object>merge(List.of(1, 2, 3), List.of("a", "b"), List.of()).toList();
    assertEquals(5, merged.size());
    assertEquals(List.of(1, 2, 3), merged.stream().filter(x -> x instanceof Integer).toList());
    assertEquals(List.of("a", "b"), merged.stream().filter(x -> x instanceof String).toList());
  }

  @Test
  void aMergeOfNothingIsEmpty() {
    assertEquals(List.of(), Iter.merge().toList());
  }
}

package asyncigo.iter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.Async;
import asyncigo.api.CancelledException;
import asyncigo.api.Loop;
import asyncigo.api.Task;
import asyncigo.api.UncheckedExecutionException;
import asyncigo.api.iter.AsyncIterator;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class GeneratorTest {
  private static final Duration SECOND = Duration.ofSeconds(1);

  @Test
  void forLoopInsideATaskSeesEveryYieldedValueInOrder() {
    Probe probe = new Probe(0, 4);
    List<Integer> seen =
        TestLoop.runOnce(
            () -> {
              List<Integer> out = new ArrayList<>();
              for (int x : probe.seq()) {
                out.add(x);
              }
              return out;
            });
    assertEquals(List.of(0, 1, 2, 3), seen);
    assertEquals(1, probe.finished);
  }

  @Test
  void theBodyMayAwaitBetweenYields() {
    List<Long> times =
        TestLoop.runOnce(
            () -> {
              Loop loop = Loop.current();
              List<Long> out = new ArrayList<>();
              for (int ignored : new Probe(0, 3).pause(SECOND).seq()) {
                out.add(loop.time() / 1_000_000_000L);
              }
              return out;
            });
    assertEquals(List.of(1L, 2L, 3L), times);
  }

  @Test
  void pullStyleRunsTheBodyInAProducerTaskAndForEachRunsItInTheCallingTask() {
    TestLoop.runOnce(
        () -> {
          Task<?> consumer = Async.currentTask();
          List<Task<?>> bodyTasks = new ArrayList<>();
          AsyncSeq<Integer> seq =
              Iter.generate(
                  y -> {
                    bodyTasks.add(Async.currentTask());
                    y.yield(1);
                  });
          seq.forEach(x -> {});
          for (int ignored : seq) {
            // pull
          }
          assertSame(consumer, bodyTasks.get(0));
          assertNotSame(consumer, bodyTasks.get(1));
          assertEquals(consumer.name() + "/generator", bodyTasks.get(1).name());
          return null;
        });
  }

  @Test
  void toListAndToMapCollectEveryValueAndALaterDuplicateKeyWins() {
    TestLoop.runOnce(
        () -> {
          AsyncSeq<Integer> seq = new Probe(0, 5).seq();
          assertEquals(List.of(0, 1, 2, 3, 4), seq.toList());
          Map<Integer, Integer> byParity = seq.toMap(x -> x % 2, x -> x);
          assertEquals(Map.of(0, 4, 1, 3), byParity);
          assertEquals(List.of(0, 1), List.copyOf(byParity.keySet()));
          return null;
        });
  }

  @Test
  void eachIterationRunsTheBodyAgain() {
    Probe probe = new Probe(0, 2);
    TestLoop.runOnce(
        () -> {
          AsyncSeq<Integer> seq = probe.seq();
          assertEquals(List.of(0, 1), seq.toList());
          List<Integer> pulled = new ArrayList<>();
          seq.iterator().forEachRemaining(pulled::add);
          assertEquals(List.of(0, 1), pulled);
          return null;
        });
    assertEquals(2, probe.started);
    assertEquals(2, probe.finished);
  }

  @Test
  void aFailureReachesThePullingConsumerAfterTheValuesYieldedBeforeIt() {
    Probe probe = new Probe(0, 5).failAfter(3);
    TestLoop.runOnce(
        () -> {
          List<Integer> seen = new ArrayList<>();
          AsyncIterator<Integer> it = probe.seq().iterator();
          RuntimeException thrown =
              assertThrows(
                  RuntimeException.class,
                  () -> {
                    while (it.hasNext()) {
                      seen.add(it.next());
                    }
                  });
          assertSame(probe.failure, thrown);
          assertEquals(List.of(0, 1, 2), seen);
          assertFalse(it.hasNext(), "an iterator that threw is finished");
          return null;
        });
    assertEquals(1, probe.finished);
  }

  @Test
  void aFailureReachesTheForEachConsumerAfterTheValuesYieldedBeforeIt() {
    Probe probe = new Probe(0, 5).failAfter(3);
    List<Integer> seen = new ArrayList<>();
    TestLoop.runOnce(
        () -> {
          assertSame(probe.failure, assertThrows(RuntimeException.class, () -> probe.seq().forEach(seen::add)));
          return null;
        });
    assertEquals(List.of(0, 1, 2), seen);
    assertEquals(1, probe.finished);
  }

  @Test
  void aCheckedFailureIsWrappedInUncheckedExecutionExceptionBothWays() {
    IOException cause = new IOException("disk on fire");
    AsyncSeq<Integer> seq =
        Iter.generate(
            y -> {
              y.yield(1);
              throw cause;
            });
    TestLoop.runOnce(
        () -> {
          UncheckedExecutionException pulled =
              assertThrows(
                  UncheckedExecutionException.class,
                  () -> {
                    for (int ignored : seq) {
                      // drain
                    }
                  });
          assertSame(cause, pulled.getCause());
          UncheckedExecutionException pushed =
              assertThrows(UncheckedExecutionException.class, () -> seq.forEach(x -> {}));
          assertSame(cause, pushed.getCause());
          return null;
        });
  }

  @Test
  void closingTheIteratorRunsTheBodysFinallyBeforeCloseReturnsAndReportsNoError() {
    Probe probe = new Probe(0, 5);
    TestLoop.runOnce(
        () -> {
          try (AsyncIterator<Integer> it = probe.seq().iterator()) {
            assertTrue(it.hasNext());
            assertEquals(0, it.next());
            assertEquals(0, probe.finished);
          }
          assertEquals(1, probe.finished);
          return null;
        });
    assertEquals(1, probe.produced);
    assertEquals(0, probe.ended);
  }

  @Test
  void earlyExitThrowsCancelledExceptionFromThePendingYieldAndCodeAfterItNeverRuns() {
    List<String> log = new ArrayList<>();
    AsyncSeq<Integer> seq =
        Iter.generate(
            y -> {
              try {
                y.yield(0);
                log.add("after yield");
              } catch (CancelledException e) {
                log.add("yield threw a CancelledException");
                throw e;
              }
            });
    TestLoop.runOnce(
        () -> {
          try (AsyncIterator<Integer> it = seq.iterator()) {
            it.next();
          }
          log.add("--");
          seq.take(1).forEach(x -> {});
          return null;
        });
    assertEquals(
        List.of(
            "yield threw a CancelledException", "--", "yield threw a CancelledException"),
        log);
  }

  @Test
  void aForEachActionThatThrowsEndsTheBodyThroughItsPendingYield() {
    Probe probe = new Probe(0, 5);
    IllegalArgumentException stop = new IllegalArgumentException("enough");
    List<Integer> seen = new ArrayList<>();
    TestLoop.runOnce(
        () -> {
          IllegalArgumentException thrown =
              assertThrows(
                  IllegalArgumentException.class,
                  () ->
                      probe
                          .seq()
                          .forEach(
                              x -> {
                                if (x == 2) {
                                  throw stop;
                                }
                                seen.add(x);
                              }));
          assertSame(stop, thrown);
          return null;
        });
    assertEquals(List.of(0, 1), seen);
    assertEquals(3, probe.produced);
    assertEquals(1, probe.finished);
  }

  @Test
  void yieldingAgainAfterTheConsumerStoppedThrowsAgain() {
    List<String> log = new ArrayList<>();
    AsyncSeq<Integer> stubborn =
        Iter.generate(
            y -> {
              try {
                y.yield(0);
              } catch (CancelledException first) {
                try {
                  y.yield(1);
                  log.add("second yield returned");
                } catch (CancelledException second) {
                  log.add("second yield threw");
                }
              }
            });
    TestLoop.runOnce(
        () -> {
          try (AsyncIterator<Integer> it = stubborn.iterator()) {
            it.next();
          }
          assertEquals(List.of(0), stubborn.take(1).toList());
          return null;
        });
    assertEquals(List.of("second yield threw", "second yield threw"), log);
  }

  @Test
  void closingBeforeTheFirstHasNextNeverRunsTheBody() {
    Probe probe = new Probe(0, 3);
    TestLoop.runOnce(
        () -> {
          AsyncIterator<Integer> it = probe.seq().iterator();
          it.close();
          assertFalse(it.hasNext());
          return null;
        });
    assertEquals(0, probe.started);
  }

  @Test
  void hasNextIsIdempotentAndNextAfterTheEndThrowsNoSuchElementException() {
    Probe probe = new Probe(0, 1);
    TestLoop.runOnce(
        () -> {
          AsyncIterator<Integer> it = probe.seq().iterator();
          assertTrue(it.hasNext());
          assertTrue(it.hasNext());
          assertEquals(1, probe.produced);
          assertEquals(0, it.next());
          assertFalse(it.hasNext());
          assertThrows(NoSuchElementException.class, it::next);
          it.close();
          return null;
        });
    assertEquals(1, probe.finished);
  }

  @Test
  void nullValuesAreYieldedLikeAnyOther() {
    AsyncSeq<String> seq =
        Iter.generate(
            y -> {
              y.yield(null);
              y.yield("x");
            });
    List<String> pulled =
        TestLoop.runOnce(
            () -> {
              List<String> out = new ArrayList<>();
              for (String s : seq) {
                out.add(s);
              }
              return out;
            });
    assertEquals(Arrays.asList(null, "x"), pulled);
    assertEquals(Arrays.asList(null, "x"), seq.toList());
  }

  @Test
  void aForLoopThatBreaksLeavesTheProducerAtItsYieldUntilTheConsumingTaskEnds() {
    Probe probe = new Probe(0, 5);
    TestLoop.runOnce(
        () -> {
          Task<Void> consumer =
              Async.spawn(
                  () -> {
                    for (int x : probe.seq()) {
                      if (x == 1) {
                        break;
                      }
                    }
                    Async.sleep(SECOND);
                    return null;
                  });
          Async.sleep(Duration.ofMillis(500));
          assertEquals(2, probe.produced);
          assertEquals(0, probe.finished, "released at the latest when the consumer ends");
          consumer.await();
          Async.sleep(Duration.ofMillis(1));
          assertEquals(1, probe.finished);
          return null;
        });
    assertEquals(2, probe.produced);
  }

  @Test
  void cancellingTheConsumingTaskWhileItWaitsClosesTheGeneratorAndRunsItsCleanup() {
    Probe probe = new Probe(0, 5).pause(SECOND);
    List<Integer> seen = new ArrayList<>();
    TestLoop.runOnce(
        () -> {
          Task<Void> consumer =
              Async.spawn(
                  () -> {
                    for (int x : probe.seq()) {
                      seen.add(x);
                    }
                    return null;
                  });
          Async.sleep(Duration.ofMillis(2500));
          consumer.cancel();
          assertThrows(CancelledException.class, consumer::await);
          assertTrue(consumer.isCancelled());
          assertEquals(1, probe.finished, "cleanup ran before the consumer ended");
          return null;
        });
    assertEquals(List.of(0, 1), seen);
    assertEquals(0, probe.ended);
  }

  @Test
  void cancellingTheConsumingTaskOutsideHasNextClosesTheGeneratorOnTryWithResources() {
    Probe probe = new Probe(0, 5);
    TestLoop.runOnce(
        () -> {
          Task<Void> consumer =
              Async.spawn(
                  () -> {
                    try (AsyncIterator<Integer> it = probe.seq().iterator()) {
                      while (it.hasNext()) {
                        it.next();
                        Async.sleep(SECOND);
                      }
                    }
                    return null;
                  });
          Async.sleep(Duration.ofMillis(1500));
          consumer.cancel();
          assertThrows(CancelledException.class, consumer::await);
          assertEquals(1, probe.finished);
          return null;
        });
    assertEquals(2, probe.produced);
  }

  @Test
  void cleanupThatAwaitsRunsInsideShieldedAndCloseWaitsForIt() {
    List<String> log = new ArrayList<>();
    AsyncSeq<Integer> seq =
        Iter.generate(
            y -> {
              try {
                y.yield(0);
                y.yield(1);
              } finally {
                Async.shielded(
                    () -> {
                      Async.sleep(SECOND);
                      return null;
                    });
                log.add("goodbye sent at " + Loop.current().time() / 1_000_000_000L);
              }
            });
    TestLoop.runOnce(
        () -> {
          try (AsyncIterator<Integer> it = seq.iterator()) {
            it.next();
          }
          log.add("closed at " + Loop.current().time() / 1_000_000_000L);
          return null;
        });
    assertEquals(List.of("goodbye sent at 1", "closed at 1"), log);
  }

  @Test
  void aFailureOfTheCleanupIsThrownFromClose() {
    IllegalStateException cleanup = new IllegalStateException("cleanup failed");
    AsyncSeq<Integer> seq =
        Iter.generate(
            y -> {
              try {
                y.yield(0);
              } finally {
                throw cleanup;
              }
            });
    TestLoop.runOnce(
        () -> {
          AsyncIterator<Integer> it = seq.iterator();
          it.next();
          assertSame(cleanup, assertThrows(IllegalStateException.class, it::close));
          it.close(); // idempotent: reported once
          return null;
        });
  }

  @Test
  void aFailureOfTheCleanupOfAnAbandonedIteratorGoesToTheExceptionHandler() {
    IllegalStateException cleanup = new IllegalStateException("cleanup failed");
    AsyncSeq<Integer> seq =
        Iter.generate(
            y -> {
              try {
                y.yield(0);
              } finally {
                throw cleanup;
              }
            });
    TestLoop loop = new TestLoop();
    loop.run(
        () -> {
          Async.spawn(
                  () -> {
                    for (int ignored : seq) {
                      break;
                    }
                    return null;
                  })
              .await();
          Async.sleep(SECOND);
          return null;
        });
    assertEquals(1, loop.unhandled.size());
    assertSame(cleanup, loop.unhandled.get(0).exception());
    loop.unhandled.clear();
    loop.close();
  }

  @Test
  void closingFromAnotherTaskEndsTheIterationOfTheWaitingConsumer() {
    Probe probe = new Probe(0, 5).pause(SECOND);
    TestLoop.runOnce(
        () -> {
          AsyncIterator<Integer> it = probe.seq().iterator();
          Task<Boolean> consumer = Async.spawn(it::hasNext);
          Async.sleep(Duration.ofMillis(500));
          it.close();
          assertEquals(1, probe.finished);
          assertFalse(consumer.await());
          return null;
        });
  }

  @Test
  void yieldingFromATaskTheBodySpawnedIsRejected() {
    AsyncSeq<Integer> seq =
        Iter.generate(y -> Async.spawn(() -> {
          y.yield(1);
          return null;
        }).await());
    IllegalStateException thrown =
        TestLoop.runOnce(
            () -> assertThrows(IllegalStateException.class, () -> seq.iterator().hasNext()));
    assertTrue(thrown.getMessage().startsWith("yield called outside the generator's producer task"), thrown.getMessage());
  }

  @Test
  void pullingAGeneratorOutsideATaskIsRejectedWithAClearMessage() {
    AsyncIterator<Integer> outside = new Probe(0, 1).seq().iterator();
    assertEquals(
        "no running asyncigo loop on this thread",
        assertThrows(IllegalStateException.class, outside::hasNext).getMessage());
    String inCallback =
        TestLoop.runOnce(
            () -> {
              AsyncIterator<Integer> it = new Probe(0, 1).seq().iterator();
              var message = Loop.current().<String>newFuture();
              Loop.current()
                  .callSoon(
                      () -> {
                        try {
                          it.hasNext();
                          message.complete("no failure");
                        } catch (IllegalStateException e) {
                          message.complete(e.getMessage());
                        }
                      });
              return message.await();
            });
    assertEquals("a generator can only be iterated inside a task of the loop", inCallback);
  }

  @Test
  void forEachWorksOutsideALoopForBodiesThatNeverAwait() {
    AsyncSeq<Integer> squares =
        Iter.generate(
            y -> {
              for (int i = 1; i <= 3; i++) {
                y.yield(i * i);
              }
            });
    assertEquals(List.of(1, 4, 9), squares.toList());
  }

  @Test
  void aGeneratorIteratingAnotherWithTryWithResourcesClosesItBeforeItsOwnCloseReturns() {
    Probe inner = new Probe(0, 5);
    AsyncSeq<Integer> outer =
        Iter.generate(
            y -> {
              try (AsyncIterator<Integer> it = inner.seq().iterator()) {
                while (it.hasNext()) {
                  y.yield(it.next() * 10);
                }
              }
            });
    TestLoop.runOnce(
        () -> {
          try (AsyncIterator<Integer> it = outer.iterator()) {
            assertEquals(0, it.next());
            assertEquals(10, it.next());
          }
          assertEquals(1, inner.finished);
          return null;
        });
    assertEquals(2, inner.produced);
  }

  @Test
  void aGeneratorIteratingAnotherWithAForLoopReleasesItWhenItsProducerTaskEnds() {
    Probe inner = new Probe(0, 5);
    AsyncSeq<Integer> outer =
        Iter.generate(
            y -> {
              for (int x : inner.seq()) {
                y.yield(x * 10);
              }
            });
    TestLoop.runOnce(
        () -> {
          try (AsyncIterator<Integer> it = outer.iterator()) {
            assertEquals(0, it.next());
          }
          Async.sleep(Duration.ofMillis(1));
          assertEquals(1, inner.finished);
          return null;
        });
  }
}

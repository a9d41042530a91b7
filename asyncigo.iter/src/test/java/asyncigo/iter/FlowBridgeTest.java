package asyncigo.iter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.Async;
import asyncigo.api.Loop;
import asyncigo.api.LoopOptions;
import asyncigo.api.iter.AsyncIterator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import org.junit.jupiter.api.Test;

class FlowBridgeTest {

  // ---------------------------------------------------------------- fromPublisher

  @Test
  void fromPublisherSubscribesOnlyWhenFirstPulledAndRequestsAsTheConsumerTakes() {
    RangePublisher publisher = new RangePublisher(10, Runnable::run);
    List<String> log = new ArrayList<>();
    TestLoop.runOnce(
        () -> {
          AsyncIterator<Integer> it = Iter.fromPublisher(publisher, 4).iterator();
          assertEquals(0, publisher.subscriptions);
          assertEquals(0, it.next());
          log.add("after 1 taken: emitted " + publisher.emitted);
          it.next();
          log.add("after 2 taken: emitted " + publisher.emitted);
          it.forEachRemaining(x -> {});
          return null;
        });
    assertEquals(List.of("after 1 taken: emitted 4", "after 2 taken: emitted 6"), log);
    // Never more than 4 outstanding; nothing requested or cancelled once the publisher completed.
    assertEquals(List.of("4", "2", "2", "2", "2"), publisher.requests);
  }

  @Test
  void fromPublisherDeliversItemsSignalledOnAForeignThreadInOrder() {
    ExecutorService foreign = Executors.newSingleThreadExecutor();
    try {
      RangePublisher publisher = new RangePublisher(1000, foreign);
      List<Integer> items = TestLoop.runOnce(() -> Iter.fromPublisher(publisher, 8).toList());
      assertEquals(1000, items.size());
      for (int i = 0; i < items.size(); i++) {
        assertEquals(i, items.get(i));
      }
    } finally {
      foreign.shutdownNow();
    }
  }

  @Test
  void fromPublisherReadsAJdkSubmissionPublisher() {
    List<Integer> items =
        TestLoop.runOnce(
            () -> {
              SubmissionPublisher<Integer> publisher = new SubmissionPublisher<>();
              var consumer = Async.spawn(() -> Iter.fromPublisher(publisher, 2).toList());
              Async.yieldNow(); // the consumer subscribes in its first step
              Loop.current()
                  .toThread(
                      () -> {
                        for (int i = 0; i < 50; i++) {
                          publisher.submit(i); // blocks while the consumer's demand is used up
                        }
                        publisher.close();
                        return null;
                      })
                  .await();
              return consumer.await();
            });
    assertEquals(50, items.size());
    assertEquals(49, items.get(49));
  }

  @Test
  void fromPublisherThrowsOnErrorAfterTheItemsBeforeIt() {
    IllegalStateException failure = new IllegalStateException("upstream broke");
    RangePublisher publisher = new RangePublisher(3, Runnable::run).failWith(failure);
    List<Integer> seen = new ArrayList<>();
    TestLoop.runOnce(
        () -> {
          AsyncIterator<Integer> it = Iter.fromPublisher(publisher).iterator();
          assertSame(failure, assertThrows(IllegalStateException.class, () -> it.forEachRemaining(seen::add)));
          return null;
        });
    assertEquals(List.of(0, 1, 2), seen);
  }

  @Test
  void closingAFromPublisherIterationCancelsTheSubscription() {
    RangePublisher publisher = new RangePublisher(100, Runnable::run);
    TestLoop.runOnce(
        () -> {
          assertEquals(List.of(0, 1, 2), Iter.fromPublisher(publisher, 2).take(3).toList());
          return null;
        });
    assertEquals(List.of("2", "1", "1", "1", "cancel"), publisher.requests);
  }

  @Test
  void aPublisherThatSendsMoreThanRequestedFailsTheIteration() {
    RangePublisher cheater = new RangePublisher(10, Runnable::run).cheat(1);
    IllegalStateException thrown =
        TestLoop.runOnce(
            () ->
                assertThrows(
                    IllegalStateException.class, () -> Iter.fromPublisher(cheater, 2).toList()));
    assertEquals(
        "the publisher sent more items than requested (Reactive Streams rule 1.1)",
        thrown.getMessage());
  }

  @Test
  void eachIterationOfAFromPublisherSequenceSubscribesAgain() {
    RangePublisher publisher = new RangePublisher(3, Runnable::run);
    TestLoop.runOnce(
        () -> {
          AsyncSeq<Integer> seq = Iter.fromPublisher(publisher);
          assertEquals(List.of(0, 1, 2), seq.toList());
          assertEquals(List.of(0, 1, 2), seq.toList());
          return null;
        });
    assertEquals(2, publisher.subscriptions);
  }

  // ---------------------------------------------------------------- toPublisher

  /** Records every signal; requests {@code initial} items on subscription. */
  static final class Recorder implements Flow.Subscriber<Object> {
    final List<String> signals = Collections.synchronizedList(new ArrayList<>());
    final CompletableFuture<Void> terminated = new CompletableFuture<>();
    /** For each onNext: whether it ran inside a loop. */
    final List<Boolean> inLoop = Collections.synchronizedList(new ArrayList<>());
    private final long initial;
    volatile Flow.Subscription subscription;

    Recorder(long initial) {
      this.initial = initial;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      signals.add("subscribed");
      if (initial > 0) {
        s.request(initial);
      }
    }

    @Override
    public void onNext(Object item) {
      inLoop.add(Loop.running().map(Loop::inLoop).orElse(false));
      signals.add(String.valueOf(item));
    }

    @Override
    public void onError(Throwable t) {
      signals.add("error: " + t.getClass().getSimpleName() + ": " + t.getMessage());
      terminated.complete(null);
    }

    @Override
    public void onComplete() {
      signals.add("complete");
      terminated.complete(null);
    }
  }

  @Test
  void toPublisherPullsTheSourceOnlyAsFarAsTheSubscriberHasRequested() {
    Probe probe = new Probe(0, 5);
    Recorder recorder = new Recorder(2);
    TestLoop.runOnce(
        () -> {
          Loop loop = Loop.current();
          Iter.toPublisher(probe.seq(), loop).subscribe(recorder);
          Async.sleep(Duration.ofSeconds(1));
          assertEquals(List.of("subscribed", "0", "1"), recorder.signals);
          assertEquals(2, probe.produced);
          loop.toThread(
                  () -> {
                    recorder.subscription.request(10); // from a foreign thread
                    return null;
                  })
              .await();
          loop.adapt(recorder.terminated).await();
          return null;
        });
    assertEquals(List.of("subscribed", "0", "1", "2", "3", "4", "complete"), recorder.signals);
    assertEquals(1, probe.finished);
  }

  @Test
  void toPublisherSignalsOnTheLoopThreadOneAtATimeWhenSubscribedFromAForeignThread() {
    Recorder recorder = new Recorder(Long.MAX_VALUE);
    TestLoop.runOnce(
        () -> {
          Loop loop = Loop.current();
          Flow.Publisher<Integer> publisher = Iter.toPublisher(Iter.range(3), loop);
          loop.toThread(
                  () -> {
                    publisher.subscribe(recorder);
                    return null;
                  })
              .await();
          loop.adapt(recorder.terminated).await();
          return null;
        });
    assertEquals(List.of("subscribed", "0", "1", "2", "complete"), recorder.signals);
    assertEquals(List.of(true, true, true), recorder.inLoop);
  }

  @Test
  void cancellingFromAForeignThreadClosesTheSourceAndLaterRequestsDoNothing() {
    Probe probe = new Probe(0, 5);
    Recorder recorder = new Recorder(2);
    TestLoop.runOnce(
        () -> {
          Loop loop = Loop.current();
          Iter.toPublisher(probe.seq(), loop).subscribe(recorder);
          Async.sleep(Duration.ofSeconds(1));
          loop.toThread(
                  () -> {
                    recorder.subscription.cancel();
                    recorder.subscription.cancel(); // idempotent (rule 3.7)
                    recorder.subscription.request(5); // a no-op once cancelled (rule 3.6)
                    return null;
                  })
              .await();
          Async.sleep(Duration.ofSeconds(1));
          return null;
        });
    assertEquals(List.of("subscribed", "0", "1"), recorder.signals);
    assertEquals(2, probe.produced);
    assertEquals(1, probe.finished);
  }

  @Test
  void aNonPositiveRequestCancelsAndSignalsIllegalArgumentException() {
    Probe probe = new Probe(0, 5);
    Recorder recorder = new Recorder(0);
    TestLoop.runOnce(
        () -> {
          Iter.toPublisher(probe.seq(), Loop.current()).subscribe(recorder);
          Async.sleep(Duration.ofMillis(1));
          recorder.subscription.request(0);
          Async.sleep(Duration.ofMillis(1));
          return null;
        });
    assertEquals(
        List.of(
            "subscribed",
            "error: IllegalArgumentException: request(n) needs n > 0 (Reactive Streams rule"
                + " 3.9), got 0"),
        recorder.signals);
    assertEquals(0, probe.started);
  }

  @Test
  void aSourceFailureIsSignalledAfterTheItemsAndAfterTheSourceIsClosed() {
    Probe probe = new Probe(0, 5).failAfter(2);
    Recorder recorder = new Recorder(Long.MAX_VALUE);
    TestLoop.runOnce(
        () -> {
          Iter.toPublisher(probe.seq(), Loop.current()).subscribe(recorder);
          Loop.current().adapt(recorder.terminated).await();
          assertEquals(1, probe.finished);
          return null;
        });
    assertEquals(
        List.of("subscribed", "0", "1", "error: IllegalStateException: oops"), recorder.signals);
  }

  @Test
  void aNullElementFailsTheSubscriptionWithNullPointerException() {
    Recorder recorder = new Recorder(5);
    TestLoop.runOnce(
        () -> {
          Iter.toPublisher(Arrays.asList("a", null, "b"), Loop.current())
              .subscribe(recorder);
          Loop.current().adapt(recorder.terminated).await();
          return null;
        });
    assertEquals(
        List.of(
            "subscribed",
            "a",
            "error: NullPointerException: the source yielded null, which a Flow.Publisher cannot"
                + " emit"),
        recorder.signals);
  }

  @Test
  void subscribingAfterTheLoopIsClosedSignalsOnSubscribeThenOnError() {
    Loop loop = Loop.open(LoopOptions.defaults().virtualTime(true));
    loop.close();
    Recorder recorder = new Recorder(1);
    Iter.toPublisher(List.of(1), loop).subscribe(recorder);
    assertEquals("subscribed", recorder.signals.get(0));
    assertTrue(recorder.signals.get(1).startsWith("error: IllegalStateException"));
    assertEquals(2, recorder.signals.size());
  }

  @Test
  void aSequenceSurvivesARoundTripThroughAPublisher() {
    Probe probe = new Probe(0, 50);
    List<Integer> items =
        TestLoop.runOnce(
            () -> Iter.fromPublisher(Iter.toPublisher(probe.seq(), Loop.current()), 3).toList());
    assertEquals(50, items.size());
    assertEquals(49, items.get(49));
    assertEquals(1, probe.finished);
  }
}

package asyncigo.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.Async;
import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.Promise;
import asyncigo.api.Task;
import asyncigo.api.WaitMode;
import asyncigo.api.sync.AsyncQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The no-loss rule of cancellation (issue 9): a task cancelled after the value it waited for was
 * delivered, but before it resumed, never loses that value. The bytes of a read are either the
 * reader's result or still readable; a queue item is either the getter's result or still in the
 * queue. As built, a task whose body returns before a cancellation was thrown into it ends with its
 * value. Runs through a one-line subclass per backend, like {@link TransportContract}.
 *
 * @since 0.1
 */
public abstract class CancelledDeliveryContract extends TransportFixture {
  private static final int ROUNDS = 200;

  @ParameterizedTest(name = "{0}")
  @EnumSource(TransportPair.Kind.class)
  public void aReadCancelledAfterItsWakeUpButBeforeItResumesLosesNoByte(TransportPair.Kind kind) {
    run(
        loop -> {
          try (TransportPair pair = kind.open(loop)) {
            for (int round = 0; round < ROUNDS; round++) {
              String line = "hello " + round + "\n";
              Task<byte[]> reader = loop.spawn("reader", pair.reader()::readLine);
              untilSuspended(loop, reader);
              Future<?> readable = reader.awaiting().orElseThrow();
              Task<Boolean> canceller = cancelOnceDone(loop, readable, reader);
              pair.writer().write(bytes(line));
              pair.writer().write(bytes("more " + round + "\n"));
              assertTrue(canceller.await(), "cancel() found the reader not done yet");
              String delivered =
                  reader.isCancelled() ? text(pair.reader().readLine()) : text(reader.await());
              assertEquals(line, delivered, "the line is the result or still readable");
              assertEquals(Future.State.SUCCEEDED, reader.state(), "the reader keeps its line");
              assertEquals(1, reader.cancelling(), "the request stays visible");
              assertEquals("more " + round + "\n", text(pair.reader().readLine()));
            }
          }
          return null;
        });
  }

  @Test
  public void aQueueGetCancelledAfterItsItemWasGrantedLosesNoItem() {
    run(
        loop -> {
          AsyncQueue<String> queue = AsyncQueue.fifo();
          Task<String> getter = loop.spawn("getter", queue::get);
          untilSuspended(loop, getter);
          queue.put("item");
          assertTrue(getter.cancel());
          assertEquals("item", resultOrNextItem(getter, queue));
          assertTrue(queue.isEmpty());
          return null;
        });
  }

  @Test
  public void aQueueGetRightAfterACancelledWakeUpKeepsItsItem() {
    run(
        loop -> {
          AsyncQueue<String> queue = AsyncQueue.fifo();
          queue.put("item");
          Promise<Void> wakeUp = loop.newFuture();
          Task<String> getter =
              loop.spawn(
                  "getter",
                  () -> {
                    wakeUp.await();
                    return queue.get();
                  });
          untilSuspended(loop, getter);
          wakeUp.complete(null);
          assertTrue(getter.cancel());
          assertEquals("item", resultOrNextItem(getter, queue));
          assertEquals(Future.State.SUCCEEDED, getter.state(), "the getter keeps its item");
          assertTrue(queue.isEmpty());
          return null;
        });
  }

  /**
   * A task that cancels {@code victim} as soon as {@code wakeUp} is done. It yields in a loop, so
   * it is always in the ready queue when the poller completes {@code wakeUp}, ahead of the victim
   * that this wakes: the cancellation lands after the wake-up and before the victim resumes.
   */
  private static Task<Boolean> cancelOnceDone(Loop loop, Future<?> wakeUp, Task<?> victim) {
    return loop.spawn(
        "canceller",
        () -> {
          while (!wakeUp.isDone()) {
            loop.yieldNow();
          }
          return victim.cancel();
        });
  }

  /** The getter's result, or, if it ended cancelled, the item the queue still holds. */
  private static String resultOrNextItem(Task<String> getter, AsyncQueue<String> queue) {
    Async.await(WaitMode.ALL_COMPLETED, getter);
    return getter.isCancelled() ? queue.poll().orElse(null) : getter.resultNow();
  }
}

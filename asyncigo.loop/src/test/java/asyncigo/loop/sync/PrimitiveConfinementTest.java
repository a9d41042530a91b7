package asyncigo.loop.sync;

import static asyncigo.api.Async.spawn;
import static asyncigo.loop.sync.OnLoop.settle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.Loop;
import asyncigo.api.Promise;
import asyncigo.api.Task;
import asyncigo.api.iter.AsyncIterator;
import asyncigo.api.sync.AsyncBarrier;
import asyncigo.api.sync.AsyncCondition;
import asyncigo.api.sync.AsyncEvent;
import asyncigo.api.sync.AsyncLock;
import asyncigo.api.sync.AsyncQueue;
import asyncigo.api.sync.AsyncSemaphore;
import asyncigo.api.sync.CompletionOrder;
import asyncigo.api.sync.TaskGroup;
import asyncigo.api.sync.Timeout;
import asyncigo.tck.ForeignThread;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * The loop-confined methods of the synchronization primitives, task groups, timeouts and
 * completion-order iterators, called from a thread that is not the loop's: each throws {@link
 * IllegalStateException} naming the method and the thread, before it changes anything.
 */
@org.junit.jupiter.api.Timeout(value = 10, threadMode = ThreadMode.SEPARATE_THREAD)
class PrimitiveConfinementTest {
  /** A loop-confined method, by the name its message quotes, and a call of it. */
  private record Call(String method, ForeignThread.Action action) {}

  private static void assertConfined(List<Call> calls) {
    for (Call call : calls) {
      Throwable thrown = ForeignThread.call(call.action());
      assertInstanceOf(IllegalStateException.class, thrown, call.method());
      assertEquals(ForeignThread.confinedMessage(call.method()), thrown.getMessage());
    }
  }

  @Test
  void everyLoopConfinedMethodOfThePrimitivesThrowsFromAnotherThreadAndChangesNothing() {
    OnLoop.run(
        () -> {
          AsyncLock lock = AsyncLock.create();
          lock.acquire();
          AsyncEvent event = AsyncEvent.create();
          event.isSet();
          AsyncSemaphore semaphore = AsyncSemaphore.bounded(1);
          semaphore.acquire();
          AsyncCondition condition = AsyncCondition.create();
          condition.lock().acquire();
          condition.signalAll();
          AsyncBarrier barrier = AsyncBarrier.create(2);
          Task<Integer> party = spawn(barrier::await);
          AsyncQueue<String> queue = AsyncQueue.fifo(1);
          queue.put("item");
          settle();
          List<Object> primitives = List.of(lock, event, semaphore, condition, barrier, queue);
          String before = primitives.toString();

          assertConfined(
              List.of(
                  new Call("AsyncLock.acquire", lock::acquire),
                  new Call("AsyncLock.release", lock::release),
                  new Call("AsyncLock.isLocked", lock::isLocked),
                  new Call("AsyncLock.withLock", () -> lock.withLock(() -> 1)),
                  new Call("AsyncEvent.await", event::await),
                  new Call("AsyncEvent.set", event::set),
                  new Call("AsyncEvent.clear", event::clear),
                  new Call("AsyncEvent.isSet", event::isSet),
                  new Call("AsyncSemaphore.acquire", semaphore::acquire),
                  new Call("AsyncSemaphore.release", semaphore::release),
                  new Call("AsyncSemaphore.available", semaphore::available),
                  new Call("AsyncSemaphore.withPermit", () -> semaphore.withPermit(() -> 1)),
                  new Call("AsyncCondition.withLock", () -> condition.withLock(() -> 1)),
                  new Call("AsyncCondition.await", condition::await),
                  new Call("AsyncCondition.awaitUntil", () -> condition.awaitUntil(() -> true)),
                  new Call("AsyncCondition.signal", condition::signal),
                  new Call("AsyncCondition.signal", () -> condition.signal(2)),
                  new Call("AsyncCondition.signalAll", condition::signalAll),
                  new Call("AsyncBarrier.await", barrier::await),
                  new Call("AsyncBarrier.reset", barrier::reset),
                  new Call("AsyncBarrier.abort", barrier::abort),
                  new Call("AsyncBarrier.waiting", barrier::waiting),
                  new Call("AsyncBarrier.isBroken", barrier::isBroken),
                  new Call("AsyncQueue.put", () -> queue.put("theirs")),
                  new Call("AsyncQueue.get", queue::get),
                  new Call("AsyncQueue.offer", () -> queue.offer("theirs")),
                  new Call("AsyncQueue.poll", queue::poll),
                  new Call("AsyncQueue.size", queue::size),
                  new Call("AsyncQueue.isEmpty", queue::isEmpty),
                  new Call("AsyncQueue.isFull", queue::isFull),
                  new Call("AsyncQueue.taskDone", queue::taskDone),
                  new Call("AsyncQueue.join", queue::join),
                  new Call("AsyncQueue.shutdown", queue::shutdown),
                  new Call("AsyncQueue.shutdownNow", queue::shutdownNow),
                  new Call("AsyncQueue.isShutDown", queue::isShutDown)));

          assertEquals(before, primitives.toString());
          lock.release();
          semaphore.release();
          condition.lock().release();
          assertEquals(1, barrier.await());
          assertEquals(0, party.await());
          assertEquals("item", queue.get());
          queue.taskDone();
          queue.join();
          return null;
        });
  }

  @Test
  void aPrimitiveFirstCalledFromAnotherThreadThrowsAndStillBelongsToTheFirstLoopThatUsesIt() {
    AsyncEvent event = AsyncEvent.create();
    Throwable thrown = ForeignThread.call(event::set);
    assertInstanceOf(IllegalStateException.class, thrown);
    assertEquals(
        "AsyncEvent.set is loop-confined: call it inside a task or callback of a running loop,"
            + " not from thread intruder",
        thrown.getMessage());
    OnLoop.run(
        () -> {
          assertEquals(false, event.isSet());
          event.set();
          return null;
        });
    Throwable fromOtherLoop = ForeignThread.call(() -> OnLoop.run(event::isSet));
    assertInstanceOf(IllegalStateException.class, fromOtherLoop);
    // The calling thread: the other loop's task "main" has a thread of its own, except on the
    // continuation engine, where it runs on its loop's thread.
    String caller = System.getProperty("asyncigo.engine").equals("continuation") ? "intruder" : "main";
    assertEquals(
        "AsyncEvent.isSet is loop-confined: call it on the loop's thread (inside a task or"
            + " callback of the loop), not from thread " + caller,
        fromOtherLoop.getMessage());
  }

  @Test
  void taskGroupsTimeoutsAndCompletionOrderThrowFromAnotherThreadAndChangeNothing() {
    OnLoop.run(
        () -> {
          Promise<String> pending = Loop.current().newFuture();
          AsyncIterator<Promise<String>> inOrder = CompletionOrder.of(pending).iterator();
          assertConfined(
              List.of(
                  new Call("AsyncIterator.hasNext", inOrder::hasNext),
                  new Call("AsyncIterator.next", inOrder::next),
                  new Call("AsyncIterator.close", inOrder::close)));
          pending.complete("done");
          assertTrue(inOrder.hasNext());
          assertEquals(pending, inOrder.next());

          long start = Loop.current().time();
          long deadline =
              Timeout.failAfter(
                  Duration.ofHours(1),
                  timeout -> {
                    assertConfined(
                        List.of(
                            new Call("Timeout.deadline", timeout::deadline),
                            new Call("Timeout.reschedule", () -> timeout.reschedule(Duration.ZERO)),
                            new Call("Timeout.rescheduleAt", () -> timeout.rescheduleAt(0)),
                            new Call("Timeout.expired", timeout::expired)));
                    settle();
                    return timeout.deadline();
                  });
          assertEquals(start + Duration.ofHours(1).toNanos(), deadline);

          int spawned =
              TaskGroup.scope(
                  group -> {
                    assertConfined(
                        List.of(
                            new Call("TaskGroup.spawn", () -> group.spawn(() -> 1)),
                            new Call("TaskGroup.spawn", () -> group.spawn("named", () -> 1)),
                            new Call("TaskGroup.cancel", group::cancel)));
                    return group.spawn(() -> 1).await();
                  });
          assertEquals(1, spawned);
          return null;
        });
  }
}

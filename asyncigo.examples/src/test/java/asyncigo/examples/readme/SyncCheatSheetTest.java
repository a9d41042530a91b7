package asyncigo.examples.readme;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import asyncigo.api.Async;
import asyncigo.api.Loop;
import asyncigo.api.Task;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.Pipe;
import asyncigo.api.sync.AsyncBarrier;
import asyncigo.api.sync.AsyncCondition;
import asyncigo.api.sync.AsyncEvent;
import asyncigo.api.sync.AsyncLock;
import asyncigo.api.sync.AsyncQueue;
import asyncigo.api.sync.AsyncSemaphore;
import asyncigo.api.sync.Cleanup;
import asyncigo.api.sync.TaskGroup;
import asyncigo.api.sync.Timeout;
import asyncigo.api.sync.TimeoutExceededException;
import asyncigo.api.sync.TimeoutResult;
import asyncigo.test.AsyncigoTest;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * README "Structured concurrency, timeouts and synchronization": the cheat sheet runs on virtual
 * time against helpers that take known times ({@code fetch} one second, {@code ask} a minute).
 */
@AsyncigoTest
class SyncCheatSheetTest {
  record Page(String url) {}

  record Job(String name) {}

  private final List<String> events = new ArrayList<>();

  private static String fetch(String url) {
    Async.sleep(Duration.ofSeconds(1));
    return "page " + url;
  }

  private static String ask(String question) {
    Async.sleep(Duration.ofMinutes(1));
    return "answer to " + question;
  }

  private static Page fetchPage(String url, Duration takes) {
    Async.sleep(takes);
    return new Page(url);
  }

  private void serve(AsyncStream conn) throws IOException {
    conn.text(UTF_8).writeLine("hi").await();
  }

  private void show(Page page) {
    events.add("shown " + page.url());
  }

  private void writeHeader() {
    events.add("header");
  }

  private void writeBody() {
    events.add("body");
  }

  @Test
  void theCheatSheetGivesTheResultsItsCommentsSay(Loop loop) throws Exception {
    // What the README's lines use. They read the stream after the timed waits: a stream's read
    // interest outlives a read until the next poll finds nothing wanted, and while the loop has
    // interest in I/O its virtual clock runs at the real rate.
    String url = "c";
    String question = "q";
    Pipe pipe = loop.pipe();
    AsyncStream conn = pipe.sink();
    AsyncStream stream = pipe.source();
    conn.text(UTF_8).writeLine("hello");
    Task<String> task = loop.spawn(() -> fetch("d"));
    List<Task<Page>> tasks =
        List.of(
            loop.spawn(() -> fetchPage("slow", Duration.ofSeconds(60))),
            loop.spawn(() -> fetchPage("fast", Duration.ofSeconds(30))));
    AsyncLock lock = AsyncLock.create();
    AsyncEvent ready = AsyncEvent.create();
    loop.spawn(() -> { ready.set(); return null; });
    AsyncCondition cond = AsyncCondition.create();
    List<String> items = new ArrayList<>();
    loop.spawn(() -> cond.withLock(() -> { items.add("item"); cond.signal(); return null; }));
    AsyncBarrier barrier = AsyncBarrier.create(3);
    List<Task<Integer>> arrivals = List.of(loop.spawn(barrier::await), loop.spawn(barrier::await));
    Job job = new Job("build");

    // The README quotes from here to jobs.shutdown().
    // Task group: a failure cancels the rest and the body; nothing spawned in it outlives the block.
    List<String> pages = TaskGroup.scope(g -> {
      Task<String> a = g.spawn(() -> fetch("a")), b = g.spawn(() -> fetch("b"));
      return List.of(a.await(), b.await());
    });                                    // throws the first failure, later ones attached as suppressed

    // Timeouts are scopes around a block; the block's finally runs before the scope exits.
    // failAfter throws TimeoutExceededException: "timed out after 5s in task main" (limit, task cut short).
    String page = Timeout.failAfter(Duration.ofSeconds(5), t -> fetch(url));
    String reply = Timeout.moveOnAfter(Duration.ofSeconds(5), t -> ask(question)).orElse("no answer");
    Timeout.failAfter(Duration.ofSeconds(5), t -> { t.reschedule(Duration.ofSeconds(10)); return fetch(url); });
    String r = Timeout.waitFor(task, Duration.ofSeconds(1));     // on timeout: cancels task, waits for it
    TimeoutResult<byte[]> line = Timeout.moveOnAfter(Duration.ofSeconds(5), t -> stream.readLine());
    if (line.timedOut()) { /* no line within 5 s */ } else if (line.value() == null) { /* end of stream */ }

    // Cleanup that must await although the task is cancelled:
    try { serve(conn); }
    finally { Cleanup.shielded(Duration.ofSeconds(1), () -> conn.text(UTF_8).writeLine("bye").await()); }

    // Futures in completion order:
    for (Task<Page> done : Async.asCompleted(tasks)) show(done.await());

    // Lock, semaphore, event, condition, barrier:
    lock.withLock(() -> { writeHeader(); writeBody(); return null; });
    AsyncSemaphore.bounded(10).withPermit(() -> fetch(url));   // releasing a bounded one too often throws
    ready.await(); ready.set();
    cond.withLock(() -> { cond.awaitUntil(() -> !items.isEmpty()); return items.remove(0); });
    int index = barrier.await();               // AsyncBarrier.create(3): the third arrival trips it

    // Queues: fifo, lifo, priority; bounded or not; shutdown wakes waiters with QueueShutDownException.
    AsyncQueue<Job> jobs = AsyncQueue.fifo(100);
    jobs.put(job); Job next = jobs.get(); jobs.taskDone(); jobs.join(); jobs.shutdown();

    assertEquals(List.of("page a", "page b"), pages);
    assertEquals("page c", page);
    assertEquals("hello\n", new String(line.value(), UTF_8));
    assertEquals("no answer", reply);
    assertEquals("page d", r);
    assertEquals("hi", stream.text(UTF_8).readLine());
    assertEquals("bye", stream.text(UTF_8).readLine());
    stream.close();   // and with it the stream's read interest: the timeout below takes no real time
    conn.close();
    assertEquals(List.of("shown fast", "shown slow", "header", "body"), events);
    assertEquals(List.of(), items);
    assertEquals(List.of(0, 1, 2), List.of(arrivals.get(0).await(), arrivals.get(1).await(), index));
    assertEquals(job, next);
    TimeoutExceededException timedOut =
        assertThrows(
            TimeoutExceededException.class,
            () -> Timeout.failAfter(Duration.ofSeconds(5), t -> ask(question)));
    assertEquals("timed out after 5s in task main", timedOut.getMessage());
  }
}

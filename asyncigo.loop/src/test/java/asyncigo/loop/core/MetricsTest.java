package asyncigo.loop.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import asyncigo.api.Handle;
import asyncigo.api.Loop;
import asyncigo.api.LoopMetrics;
import asyncigo.api.LoopOptions;
import asyncigo.api.Task;
import asyncigo.api.net.Pipe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code Loop.metrics()} on a scripted workload on the virtual clock. Iterations are counted as
 * the scheduler runs them: an await that leaves nothing ready hands the baton straight to the
 * driver, whose one iteration polls (where the virtual clock jumps to the next timer).
 */
class MetricsTest {
  private static String counts(LoopMetrics m) {
    return "created " + m.tasksCreated()
        + ", finished " + m.tasksFinished()
        + ", alive " + m.tasksAlive()
        + ", ready " + m.readyQueueDepth()
        + ", iterations " + m.iterations()
        + ", io " + m.ioEvents()
        + ", timers pending " + m.timersPending()
        + ", fired " + m.timersFired();
  }

  @Test
  void theCountsFollowAScriptedWorkloadExactly() throws Exception {
    List<String> seen = new ArrayList<>();
    try (Loop loop = Loop.open(LoopOptions.defaults().virtualTime(true))) {
      loop.run(
          () -> {
            // Iteration 1 started main.
            seen.add(counts(loop.metrics()));
            Task<Void> a = loop.spawn("a", () -> { loop.sleep(Duration.ofMillis(10)); return null; });
            Task<Void> b = loop.spawn("b", () -> { loop.sleep(Duration.ofMillis(20)); return null; });
            Task<Void> never = loop.spawn("never", () -> null);
            never.cancel();
            Handle late = loop.callLater(Duration.ofHours(1), () -> {});
            seen.add(counts(loop.metrics()));
            // Iteration 2 starts a and b (two sleeps), settles never, and resumes main.
            loop.yieldNow();
            late.cancel();
            seen.add(counts(loop.metrics()));
            // main waits, nothing ready; 3: the driver jumps to 10 ms, a's timer queues a (a
            // sleep parks in its timer entry), which ends; 4: main resumes.
            a.await();
            seen.add(counts(loop.metrics()));
            // The same for b: 5 and 6.
            b.await();
            seen.add(counts(loop.metrics()));
            Pipe pipe = loop.pipe();
            Task<byte[]> reader = loop.spawn("reader", () -> pipe.source().readLine());
            // 7: the reader starts waiting for the pipe to be readable; main resumes.
            loop.yieldNow();
            pipe.sink().write("x\n".getBytes(StandardCharsets.UTF_8)).await();
            // 8: the driver's poll reports the pipe readable (1 event), the reader ends; 9: main.
            reader.await();
            seen.add(counts(loop.metrics()));
            pipe.source().close();
            pipe.sink().close();
            return null;
          });
      seen.add(counts(loop.metrics()));
      LoopMetrics.Lag lag = loop.metrics().lag();
      seen.add(lag.samples() + " lag samples, p50 " + lag.p50() + ", p99 " + lag.p99() + ", max " + lag.max());
    }
    assertEquals(
        List.of(
            "created 1, finished 0, alive 1, ready 0, iterations 1, io 0, timers pending 0, fired 0",
            "created 4, finished 0, alive 4, ready 3, iterations 1, io 0, timers pending 1, fired 0",
            "created 4, finished 1, alive 3, ready 0, iterations 2, io 0, timers pending 2, fired 0",
            "created 4, finished 2, alive 2, ready 0, iterations 4, io 0, timers pending 1, fired 1",
            "created 4, finished 3, alive 1, ready 0, iterations 6, io 0, timers pending 0, fired 2",
            "created 5, finished 4, alive 1, ready 0, iterations 9, io 1, timers pending 0, fired 2",
            "created 5, finished 5, alive 0, ready 0, iterations 9, io 1, timers pending 0, fired 2",
            // On the virtual clock every timer fires exactly on time.
            "2 lag samples, p50 PT0S, p99 PT0S, max PT0S"),
        seen);
  }

  @Test
  void anotherThreadMayReadTheMetricsWhileTheLoopRuns() throws Exception {
    try (Loop loop = Loop.open(LoopOptions.defaults().virtualTime(true))) {
      long created =
          loop.run(
              () -> {
                loop.spawn(() -> null).await();
                return loop.toThread(() -> loop.metrics().tasksCreated()).await();
              });
      assertEquals(2, created);
    }
  }
}

package asyncigo.bench;

import asyncigo.api.Loop;
import asyncigo.api.Task;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link Loop#yieldNow()} round trips (asyncio's {@code await asyncio.sleep(0)}): the task goes
 * to the back of the ready queue and resumes in the next loop iteration. One invocation runs
 * {@value #YIELDS} yields inside one {@code loop.run}; the score is nanoseconds per yield.
 *
 * <p>Peers measured on this machine: asyncio ~2,200 ns, uvloop ~1,040 ns (one task). Targets:
 * ≤ 400 ns on the virtual engine, ≤ 150 ns on the carrier engine.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {
      LoopBenchmarkFork.OPEN_JAVA_LANG,
      LoopBenchmarkFork.EXPORT_CONTINUATION,
      LoopBenchmarkFork.NATIVE_ACCESS
    })
@OperationsPerInvocation(YieldNowBenchmark.YIELDS)
public class YieldNowBenchmark {
  static final int YIELDS = 10_000;

  /**
   * One task yielding alone: it is the only ready item, so each yield is a full loop iteration
   * that resumes the same strand (no strand switch).
   */
  @Benchmark
  public void oneTask(EngineLoop engineLoop) {
    Loop loop = engineLoop.loop;
    loop.run(
        () -> {
          for (int i = 0; i < YIELDS; i++) {
            loop.yieldNow();
          }
          return null;
        });
  }

  /**
   * Two tasks yielding in turn, {@value #YIELDS} yields in all: every yield hands the baton to the
   * other task's strand, so this is the cost of a yield that switches strands.
   */
  @Benchmark
  public void twoTasks(EngineLoop engineLoop) {
    Loop loop = engineLoop.loop;
    loop.run(
        () -> {
          Task<Void> other =
              loop.spawn(
                  () -> {
                    for (int i = 0; i < YIELDS / 2; i++) {
                      loop.yieldNow();
                    }
                    return null;
                  });
          for (int i = 0; i < YIELDS / 2; i++) {
            loop.yieldNow();
          }
          return other.await();
        });
  }
}

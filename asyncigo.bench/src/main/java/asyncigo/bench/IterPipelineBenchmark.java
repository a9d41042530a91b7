package asyncigo.bench;

import asyncigo.api.Loop;
import asyncigo.iter.AsyncSeq;
import asyncigo.iter.Iter;
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
 * A generator yielding {@value #ELEMENTS} ints through {@code map} and {@code filter}, consumed
 * inside one {@code loop.run}; the score is nanoseconds per generated element.
 *
 * <ul>
 *   <li>{@link #forEach}: push-style; the body runs in the consuming task and {@code yield} calls
 *       the pipeline directly, so no element costs a task switch. Target: ≤ 20 ns per element.
 *   <li>{@link #forLoop}: pull-style {@code for} loop; the body runs in a producer task and each
 *       element costs one round trip of strand switches (consumer to producer and back), so it
 *       compares with two strand-switching yields of {@link YieldNowBenchmark#twoTasks} or one
 *       ping-pong of {@link FutureHandOffBenchmark}.
 * </ul>
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
@OperationsPerInvocation(IterPipelineBenchmark.ELEMENTS)
public class IterPipelineBenchmark {
  static final int ELEMENTS = 1_000_000;

  private static final AsyncSeq<Integer> PIPELINE =
      Iter.<Integer>generate(
              y -> {
                for (int i = 0; i < ELEMENTS; i++) {
                  y.yield(i);
                }
              })
          .map(x -> x * 3)
          .filter(x -> (x & 1) == 0);

  @Benchmark
  public long forEach(EngineLoop engineLoop) {
    Loop loop = engineLoop.loop;
    return loop.run(
        () -> {
          long[] sum = {0};
          PIPELINE.forEach(x -> sum[0] += x);
          return sum[0];
        });
  }

  @Benchmark
  public long forLoop(EngineLoop engineLoop) {
    Loop loop = engineLoop.loop;
    return loop.run(
        () -> {
          long sum = 0;
          for (int x : PIPELINE) {
            sum += x;
          }
          return sum;
        });
  }
}

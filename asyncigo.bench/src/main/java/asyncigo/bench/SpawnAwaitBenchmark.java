package asyncigo.bench;

import asyncigo.api.Async;
import asyncigo.api.Coroutine;
import asyncigo.api.Loop;
import asyncigo.api.Task;
import java.util.ArrayList;
import java.util.List;
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
 * Spawning a trivial task (it returns at once) and awaiting its result: the task object, its
 * strand (a new virtual thread), its first step and the hand-offs there and back. One invocation
 * handles {@value #TASKS} tasks inside one {@code loop.run}; the score is nanoseconds per task.
 *
 * <p>Peers measured on this machine (create a task + gather, per task): asyncio ~7,700 ns, uvloop
 * ~7,000 ns. Target: ≤ 1 µs.
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
@OperationsPerInvocation(SpawnAwaitBenchmark.TASKS)
public class SpawnAwaitBenchmark {
  static final int TASKS = 10_000;

  /** The tasks of {@link #gatherBatch}: the peers' figure comes from batches of this size. */
  private static final int BATCH = 1_000;

  private static final Coroutine<Integer> TRIVIAL = () -> 1;

  /** Spawn one task, await it, then the next: each task runs while its spawner waits. */
  @Benchmark
  public int spawnThenAwait(EngineLoop engineLoop) {
    Loop loop = engineLoop.loop;
    return loop.run(
        () -> {
          int sum = 0;
          for (int i = 0; i < TASKS; i++) {
            sum += loop.spawn(TRIVIAL).await();
          }
          return sum;
        });
  }

  /**
   * Spawn {@value #BATCH} tasks, then {@link Async#gather} them (the peers' "create a task +
   * gather"), {@value #TASKS} / {@value #BATCH} times.
   */
  @Benchmark
  public int gatherBatch(EngineLoop engineLoop) {
    Loop loop = engineLoop.loop;
    return loop.run(
        () -> {
          int sum = 0;
          List<Task<Integer>> batch = new ArrayList<>(BATCH);
          for (int round = 0; round < TASKS / BATCH; round++) {
            batch.clear();
            for (int i = 0; i < BATCH; i++) {
              batch.add(loop.spawn(TRIVIAL));
            }
            for (int result : Async.gather(batch)) {
              sum += result;
            }
          }
          return sum;
        });
  }
}

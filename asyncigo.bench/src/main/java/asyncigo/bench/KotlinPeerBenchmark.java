package asyncigo.bench;

import asyncigo.bench.kotlin.CoroutinePeers;
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
 * The kotlinx-coroutines peer of the loop-core benchmarks, on one thread ({@code runBlocking}'s
 * event loop; see {@link CoroutinePeers}): each method has the shape, the operation count per
 * invocation and the JMH settings of its asyncigo counterpart, so that the scores (nanoseconds
 * per operation) compare one to one within a run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@OperationsPerInvocation(KotlinPeerBenchmark.OPERATIONS)
public class KotlinPeerBenchmark {
  /** As in the asyncigo benchmarks: 10,000 hand-offs, yields or tasks per invocation. */
  static final int OPERATIONS = 10_000;

  /** The batch of {@link #batchThenAwaitAll}, as in {@code SpawnAwaitBenchmark.gatherBatch}. */
  private static final int BATCH = 1_000;

  /** Peer of {@code FutureHandOffBenchmark.pingPong}: a {@code CompletableDeferred} ping-pong. */
  @Benchmark
  public int deferredHandOff() {
    return CoroutinePeers.deferredHandOff(OPERATIONS);
  }

  /** The same hand-off through rendezvous channels. */
  @Benchmark
  public int channelHandOff() {
    return CoroutinePeers.channelHandOff(OPERATIONS);
  }

  /** Peer of {@code YieldNowBenchmark.oneTask}. */
  @Benchmark
  public int oneYielding() {
    return CoroutinePeers.oneYielding(OPERATIONS);
  }

  /** Peer of {@code YieldNowBenchmark.twoTasks}. */
  @Benchmark
  public int twoYielding() {
    return CoroutinePeers.twoYielding(OPERATIONS);
  }

  /** Peer of {@code SpawnAwaitBenchmark.spawnThenAwait}: {@code async} + {@code await}. */
  @Benchmark
  public int asyncThenAwait() {
    return CoroutinePeers.asyncThenAwait(OPERATIONS);
  }

  /** {@code launch} + {@code join}, the other Kotlin form of spawn + await. */
  @Benchmark
  public int launchThenJoin() {
    return CoroutinePeers.launchThenJoin(OPERATIONS);
  }

  /** Peer of {@code SpawnAwaitBenchmark.gatherBatch}: a batch of {@code async}, then awaitAll. */
  @Benchmark
  public int batchThenAwaitAll() {
    return CoroutinePeers.batchThenAwaitAll(OPERATIONS, BATCH);
  }
}

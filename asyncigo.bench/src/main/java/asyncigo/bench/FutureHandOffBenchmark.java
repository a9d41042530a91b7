package asyncigo.bench;

import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.Promise;
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
 * {@link Future#await()} of a future completed by another task: two tasks ping-pong, each
 * creating the future it will await next, completing the other's and awaiting its own. Every
 * hand-off is one {@code newFuture} (a {@link Promise}), one {@code complete} and one suspended {@code await} that
 * resumes on the other strand. One invocation does {@value #HAND_OFFS} hand-offs inside one
 * {@code loop.run}; the score is nanoseconds per hand-off.
 *
 * <p>Peers measured on this machine (create future, resolve via {@code call_soon}, await):
 * asyncio ~4,000 ns, uvloop ~1,800 ns. Targets: ≤ 400 ns on the virtual engine, ≤ 150 ns on the
 * carrier engine.
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
@OperationsPerInvocation(FutureHandOffBenchmark.HAND_OFFS)
public class FutureHandOffBenchmark {
  static final int HAND_OFFS = 10_000;

  /** The two futures in play: the first task awaits {@code pong}, the second {@code ping}. */
  private static final class Rally {
    Promise<Void> ping;
    Promise<Void> pong;
  }

  @Benchmark
  public void pingPong(EngineLoop engineLoop) {
    Loop loop = engineLoop.loop;
    loop.run(
        () -> {
          Rally rally = new Rally();
          rally.ping = loop.newFuture();
          Task<Void> ponger =
              loop.spawn(
                  () -> {
                    for (int i = 0; i < HAND_OFFS / 2; i++) {
                      rally.ping.await();
                      rally.ping = loop.newFuture();
                      rally.pong.complete(null);
                    }
                    return null;
                  });
          for (int i = 0; i < HAND_OFFS / 2; i++) {
            rally.pong = loop.newFuture();
            rally.ping.complete(null);
            rally.pong.await();
          }
          return ponger.await();
        });
  }
}

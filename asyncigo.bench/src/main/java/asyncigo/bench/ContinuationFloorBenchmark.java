package asyncigo.bench;

import java.util.concurrent.TimeUnit;
import jdk.internal.vm.Continuation;
import jdk.internal.vm.ContinuationScope;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floor of a stackful task switch on this JVM: a raw {@code jdk.internal.vm.Continuation}
 * that yields in a loop, run by the benchmark thread. One operation is one {@code run} (into the
 * continuation) and the {@code yield} that comes back: the two switches of a hand-off between
 * two tasks through a driver, the least a stackful engine can spend per hand-off. Needs {@code
 * --add-exports java.base/jdk.internal.vm=ALL-UNNAMED} at compile time (the module's compiler
 * arguments) and at run time (the fork's flags).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = LoopBenchmarkFork.EXPORT_CONTINUATION)
@OperationsPerInvocation(ContinuationFloorBenchmark.SWITCHES)
@State(Scope.Thread)
public class ContinuationFloorBenchmark {
  /** Run/yield pairs per invocation, as many as the hand-offs of {@code FutureHandOffBenchmark}. */
  static final int SWITCHES = 10_000;

  private static final ContinuationScope SCOPE = new ContinuationScope("floor");

  private Continuation continuation;

  @Setup(Level.Trial)
  public void start() {
    continuation =
        new Continuation(
            SCOPE,
            () -> {
              while (true) {
                Continuation.yield(SCOPE);
              }
            });
  }

  @Benchmark
  public boolean runYieldPair() {
    Continuation c = continuation;
    for (int i = 0; i < SWITCHES; i++) {
      c.run();
    }
    return c.isDone();
  }
}

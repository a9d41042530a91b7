package asyncigo.bench;

import asyncigo.api.Loop;
import asyncigo.api.LoopOptions;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A loop with default options on the engine named by the {@code engine} parameter, opened once
 * per trial on the benchmark thread (which then owns it and calls {@code run} on it).
 *
 * <p>The engine is chosen the documented way, through {@code -Dasyncigo.engine}, set before the
 * loop is opened; the forked JVM gets {@code --add-opens java.base/java.lang=ALL-UNNAMED} and
 * {@code --add-exports java.base/jdk.internal.vm=ALL-UNNAMED} (see {@link LoopBenchmarkFork}) so
 * that {@code carrier} and {@code continuation} are allowed. Not final: JMH subclasses state
 * classes.
 */
@State(Scope.Thread)
public class EngineLoop {
  /**
   * {@code virtual}: the public-API engine; {@code carrier}: single-carrier virtual threads;
   * {@code continuation}: {@code jdk.internal.vm.Continuation}.
   */
  @Param({"virtual", "carrier", "continuation"})
  public String engine;

  Loop loop;

  @Setup(Level.Trial)
  public void open() {
    System.setProperty("asyncigo.engine", engine);
    loop = Loop.open(LoopOptions.defaults());
    String description = loop.toString();
    if (description.contains("engine ") && !description.contains("engine " + engine)) {
      throw new IllegalStateException("asked for engine " + engine + " but got " + description);
    }
  }

  @TearDown(Level.Trial)
  public void close() {
    loop.close();
  }
}

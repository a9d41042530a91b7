package asyncigo.micrometer;

import asyncigo.api.Loop;
import asyncigo.api.LoopMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Publishes a loop's {@link Loop#metrics()} to a Micrometer {@link MeterRegistry}, the way Vert.x
 * and Spring applications already collect theirs:
 *
 * <pre>{@code
 * new LoopMetricsBinder(loop, Tags.of("loop", "main")).bindTo(registry);
 * }</pre>
 *
 * <table>
 *   <caption>Meters (each carries the tags given)</caption>
 *   <tr><th>name</th><th>type</th><th>from</th></tr>
 *   <tr><td>{@code asyncigo.loop.tasks.created}</td><td>function counter</td>
 *       <td>{@link LoopMetrics#tasksCreated()}</td></tr>
 *   <tr><td>{@code asyncigo.loop.tasks.finished}</td><td>function counter</td>
 *       <td>{@link LoopMetrics#tasksFinished()}</td></tr>
 *   <tr><td>{@code asyncigo.loop.tasks.alive}</td><td>gauge</td>
 *       <td>{@link LoopMetrics#tasksAlive()}</td></tr>
 *   <tr><td>{@code asyncigo.loop.ready.depth}</td><td>gauge</td>
 *       <td>{@link LoopMetrics#readyQueueDepth()}</td></tr>
 *   <tr><td>{@code asyncigo.loop.iterations}</td><td>function counter</td>
 *       <td>{@link LoopMetrics#iterations()}</td></tr>
 *   <tr><td>{@code asyncigo.loop.io.events}</td><td>function counter</td>
 *       <td>{@link LoopMetrics#ioEvents()}</td></tr>
 *   <tr><td>{@code asyncigo.loop.timers.pending}</td><td>gauge</td>
 *       <td>{@link LoopMetrics#timersPending()}</td></tr>
 *   <tr><td>{@code asyncigo.loop.timers.fired}</td><td>function counter</td>
 *       <td>{@link LoopMetrics#timersFired()}</td></tr>
 *   <tr><td>{@code asyncigo.loop.lag} with tag {@code quantile} 0.5 and 0.99</td><td>time gauge
 *       </td><td>{@link LoopMetrics.Lag#p50()}, {@link LoopMetrics.Lag#p99()}</td></tr>
 *   <tr><td>{@code asyncigo.loop.lag.max}</td><td>time gauge</td>
 *       <td>{@link LoopMetrics.Lag#max()}</td></tr>
 * </table>
 *
 * <p>Each meter reads {@code loop.metrics()} when the registry asks, on the registry's thread
 * (that method is thread-safe). Like every Micrometer binder it holds the loop weakly: once the
 * loop is unreachable its gauges read NaN. Thread-safe.
 *
 * @since 0.1
 */
public final class LoopMetricsBinder implements MeterBinder {
  private final Loop loop;
  private final Tags tags;

  /**
   * A binder for {@code loop} with no tags.
   *
   * @param loop the loop to publish
   * @throws NullPointerException if loop is null
   */
  public LoopMetricsBinder(Loop loop) {
    this(loop, Tags.empty());
  }

  /**
   * A binder for {@code loop} whose meters carry {@code tags}.
   *
   * @param loop the loop to publish
   * @param tags the tags every meter carries, such as the loop's role
   * @throws NullPointerException if loop or tags is null
   */
  public LoopMetricsBinder(Loop loop, Iterable<Tag> tags) {
    this.loop = Objects.requireNonNull(loop, "loop");
    this.tags = Tags.of(Objects.requireNonNull(tags, "tags"));
  }

  /**
   * Registers the meters listed above with {@code registry}.
   *
   * @param registry the registry to publish to
   */
  @Override
  public void bindTo(MeterRegistry registry) {
    counter(registry, "tasks.created", "tasks spawned", m -> m.tasksCreated());
    counter(registry, "tasks.finished", "tasks done", m -> m.tasksFinished());
    gauge(registry, "tasks.alive", "tasks not done", m -> m.tasksAlive());
    gauge(registry, "ready.depth", "tasks and callbacks ready to run", m -> m.readyQueueDepth());
    counter(registry, "iterations", "loop iterations", m -> m.iterations());
    counter(registry, "io.events", "readiness events from the poller", m -> m.ioEvents());
    gauge(registry, "timers.pending", "timers neither fired nor cancelled", m -> m.timersPending());
    counter(registry, "timers.fired", "timers fired", m -> m.timersFired());
    lag(registry, "asyncigo.loop.lag", Tags.of("quantile", "0.5"), m -> m.lag().p50().toNanos());
    lag(registry, "asyncigo.loop.lag", Tags.of("quantile", "0.99"), m -> m.lag().p99().toNanos());
    lag(registry, "asyncigo.loop.lag.max", Tags.empty(), m -> m.lag().max().toNanos());
  }

  private void counter(
      MeterRegistry registry, String name, String what, ToDoubleFunction<LoopMetrics> value) {
    FunctionCounter.builder("asyncigo.loop." + name, loop, l -> value.applyAsDouble(l.metrics()))
        .tags(tags)
        .description("The loop's " + what + " so far")
        .register(registry);
  }

  private void gauge(
      MeterRegistry registry, String name, String what, ToDoubleFunction<LoopMetrics> value) {
    Gauge.builder("asyncigo.loop." + name, loop, l -> value.applyAsDouble(l.metrics()))
        .tags(tags)
        .description("The loop's " + what)
        .register(registry);
  }

  private void lag(
      MeterRegistry registry, String name, Tags extra, ToDoubleFunction<LoopMetrics> nanos) {
    TimeGauge.builder(
            name, loop, TimeUnit.NANOSECONDS, l -> nanos.applyAsDouble(l.metrics()))
        .tags(tags.and(extra))
        .description("How late the loop took up its timers, over the last minute")
        .register(registry);
  }
}

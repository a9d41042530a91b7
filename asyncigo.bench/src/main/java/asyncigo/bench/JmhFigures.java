package asyncigo.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The JMH half of {@link Issue12Report}: runs the given benchmarks in one JMH run, with the GC
 * profiler, the {@code engine} parameter set to the given engines, and the JMH command-line options
 * given (iterations, times, forks), then gives each benchmark's score (ns per operation) and
 * allocation (bytes per operation, {@code gc.alloc.rate.norm}) by key: the class's simple name,
 * the method and the parameters, such as {@code FutureHandOffBenchmark.pingPong engine=carrier}.
 */
final class JmhFigures {
  /** One benchmark's figures. */
  record Figure(double nanos, double error, double bytes) {}

  private final Map<String, Figure> figures = new LinkedHashMap<>();

  private JmhFigures() {}

  static JmhFigures run(List<String> includes, List<String> engines, String jmhOptions)
      throws RunnerException, CommandLineOptionException {
    OptionsBuilder options = new OptionsBuilder();
    options.parent(new CommandLineOptions(jmhOptions.isBlank() ? new String[0]
        : jmhOptions.strip().split("\\s+")));
    includes.forEach(options::include);
    options.param("engine", engines.toArray(String[]::new));
    options.addProfiler(GCProfiler.class);
    options.shouldFailOnError(false);
    Collection<RunResult> results = new Runner(options.build()).run();
    JmhFigures out = new JmhFigures();
    for (RunResult r : results) {
      Result<?> primary = r.getPrimaryResult();
      double bytes = Double.NaN;
      for (var e : r.getSecondaryResults().entrySet()) {
        if (e.getKey().endsWith("gc.alloc.rate.norm")) {
          bytes = e.getValue().getScore();
        }
      }
      out.figures.put(
          key(r.getParams()),
          new Figure(primary.getScore(), primary.getScoreError(), bytes));
    }
    return out;
  }

  /** The figure measured under {@code key}, or null when that benchmark did not run or failed. */
  Figure get(String key) {
    return figures.get(key);
  }

  /** Every figure as a Markdown table, in the order JMH ran them. */
  String render() {
    StringBuilder out = new StringBuilder("| benchmark | ns/op | ± (99.9 %) | B/op |\n"
        + "|---|---:|---:|---:|\n");
    figures.forEach(
        (key, f) -> out.append(String.format(
            Locale.ROOT, "| %s | %,.1f | %,.1f | %,.1f |%n", key, f.nanos(), f.error(),
            f.bytes())));
    return out.toString();
  }

  private static String key(BenchmarkParams params) {
    String name = params.getBenchmark();
    String simple = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
    List<String> parts = new ArrayList<>(List.of(simple));
    for (String p : params.getParamsKeys()) {
      parts.add(p + "=" + params.getParam(p));
    }
    return String.join(" ", parts);
  }
}

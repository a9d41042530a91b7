package asyncigo.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every target of issue 12 beside its peer, from one run: the task-switching benchmarks of
 * asyncigo (on each engine given), of kotlinx-coroutines on one thread and of a raw {@code
 * Continuation}, with the bytes allocated per operation and per echo round trip (one JMH run with
 * {@code -prof gc}); the heap per sleeping task for 1,000,000 tasks on each engine and for Kotlin
 * coroutines, and {@code SpawnManyExample}'s time on each engine (JVMs of their own); the server
 * CPU per echo round trip of asyncigo and Netty servers in processes of their own, driven by the C
 * client ({@link ProcessEchoBench}). Prints the figures as they come, then the detail tables, then
 * one table of the targets. Builds nothing: run it on a built {@code benchmarks.jar}.
 *
 * <p>Rules where the issue names no engine: "fastest engine" targets and the Kotlin comparisons
 * take the engine with the lowest score in this run (named in the row); the public-API hand-off
 * takes {@code --public-engine} (default {@code virtual}); the footprint, {@code SpawnManyExample}
 * and allocation targets are checked on every engine. The echo servers run on {@code
 * --echo-engine} (default: the loop's automatic choice). An allocation of 0 is met when asyncigo's
 * figure is within 1 B per round trip of the control's (a blocking platform-thread server: the
 * measurement's own floor).
 *
 * <p>Usage: {@code asyncigo.bench/run-issue12.sh [options]}, or {@code java -cp benchmarks.jar
 * asyncigo.bench.Issue12Report [--engines virtual,carrier] [--parts jmh,footprint,spawn-many,echo]
 * [--jmh "-f 1 -wi 3 -i 5 -w 1 -r 1"] ...}; every option and its default is in {@link #parse}.
 */
public final class Issue12Report {
  private static final Pattern BYTES_PER_TASK =
      Pattern.compile("measured: .*?([\\d,]+) bytes per sleeping task");
  private static final String BENCH = "asyncigo.bench.";

  private final Map<String, String> options;
  private final List<String> engines;
  private final TargetTable targets = new TargetTable();
  private final StringBuilder details = new StringBuilder();

  private Issue12Report(Map<String, String> options) {
    this.options = options;
    this.engines = List.of(options.get("engines").split(","));
  }

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    Issue12Report report = new Issue12Report(parse(args));
    System.out.printf(Locale.ROOT, "issue 12 report: JDK %s, %d cores, engines %s, load average"
            + " %s; options %s%n", Runtime.version(), Runtime.getRuntime().availableProcessors(),
        report.engines, ProcessEchoBench.loadAverage(), report.options);
    List<String> parts = List.of(report.options.get("parts").split(","));
    if (parts.contains("jmh")) {
      report.switchingAndAllocation();
    }
    if (parts.contains("footprint")) {
      report.footprint();
    }
    if (parts.contains("spawn-many")) {
      report.spawnMany();
    }
    if (parts.contains("echo")) {
      report.echo();
    }
    System.out.println();
    System.out.print(report.details);
    System.out.println("\nIssue 12 targets:\n");
    System.out.print(report.targets.render());
    System.out.printf(Locale.ROOT, "%nran %.0f s; load average at the end %s%n",
        (System.nanoTime() - start) / 1e9, ProcessEchoBench.loadAverage());
  }

  private void switchingAndAllocation() throws Exception {
    JmhFigures jmh = JmhFigures.run(
        List.of("FutureHandOffBenchmark\\.pingPong$", "YieldNowBenchmark\\.(oneTask|twoTasks)$",
            "SpawnAwaitBenchmark\\.(spawnThenAwait|gatherBatch)$", "KotlinPeerBenchmark\\.",
            "ContinuationFloorBenchmark\\.", "EchoAllocationBenchmark\\."),
        engines, options.get("jmh"));
    details.append("JMH, every benchmark (ns and bytes allocated per operation):\n\n")
        .append(jmh.render()).append('\n');
    double floor = nanos(jmh, "ContinuationFloorBenchmark.runYieldPair");
    String floorName = "Continuation run+yield";
    fastest(jmh, "FutureHandOffBenchmark.pingPong", "hand-off between two tasks", floorName,
        floor, 1.3, "kotlin hand-off (deferred)", nanos(jmh, "KotlinPeerBenchmark.deferredHandOff"));
    fastest(jmh, "YieldNowBenchmark.twoTasks", "two tasks yielding in turn", floorName, floor,
        1.3, "kotlin two yielding", nanos(jmh, "KotlinPeerBenchmark.twoYielding"));
    String publicEngine = options.get("public-engine");
    targets.absolute("hand-off, default engine with public API only (" + publicEngine + ")",
        nanos(jmh, "FutureHandOffBenchmark.pingPong engine=" + publicEngine),
        "kotlin deferred", nanos(jmh, "KotlinPeerBenchmark.deferredHandOff"), "ns", 250);
    fastest(jmh, "SpawnAwaitBenchmark.spawnThenAwait", "spawn + await",
        "kotlin async+await", nanos(jmh, "KotlinPeerBenchmark.asyncThenAwait"), 1.0, null, 0);
    fastest(jmh, "SpawnAwaitBenchmark.gatherBatch", "spawn a batch of 1,000 + gather, per task",
        "kotlin async batch+awaitAll", nanos(jmh, "KotlinPeerBenchmark.batchThenAwaitAll"), 1.0,
        null, 0);
    String[] fastestYield = best(jmh, "YieldNowBenchmark.oneTask");
    targets.absolute("one task's yield (fastest engine: " + fastestYield[0] + ")",
        Double.parseDouble(fastestYield[1]), "kotlin yield",
        nanos(jmh, "KotlinPeerBenchmark.oneYielding"), "ns", 20);
    for (String engine : engines) {
      double control = bytes(jmh, "EchoAllocationBenchmark.roundTrip engine=" + engine
          + " server=platform-thread");
      for (String poller : List.of("epoll", "nio")) {
        targets.absolute("bytes allocated per 1 KiB echo round trip, ByteBuffer loop, " + poller
                + ", " + engine, bytes(jmh, "EchoAllocationBenchmark.roundTrip engine=" + engine
                + " server=asyncigo-" + poller), "control", control, "B",
            (Double.isNaN(control) ? 0 : control) + 1);
      }
    }
  }

  /**
   * A relative target on the engine with the lowest score for {@code benchmark}, and, when
   * {@code contextName} is not null, a line comparing the same figure with that peer (no target).
   */
  private void fastest(JmhFigures jmh, String benchmark, String what, String peerName,
      double peer, double factor, String contextName, double context) {
    String[] best = best(jmh, benchmark);
    double figure = Double.parseDouble(best[1]);
    targets.relative(what + " (fastest engine: " + best[0] + ")", figure, peerName, peer, "ns",
        factor);
    if (contextName != null) {
      targets.relative(what + " against Kotlin (" + best[0] + "; not a target of the issue)",
          figure, contextName, context, "ns", 1.0);
    }
  }

  /** The engine with the lowest score for {@code benchmark} and that score ("NaN" if none). */
  private String[] best(JmhFigures jmh, String benchmark) {
    String engine = "none";
    double lowest = Double.NaN;
    for (String e : engines) {
      double ns = nanos(jmh, benchmark + " engine=" + e);
      if (!Double.isNaN(ns) && (Double.isNaN(lowest) || ns < lowest)) {
        engine = e;
        lowest = ns;
      }
    }
    return new String[] {engine, String.valueOf(lowest)};
  }

  private static double nanos(JmhFigures jmh, String key) {
    JmhFigures.Figure f = jmh.get(key);
    return f == null ? Double.NaN : f.nanos();
  }

  private static double bytes(JmhFigures jmh, String key) {
    JmhFigures.Figure f = jmh.get(key);
    return f == null ? Double.NaN : f.bytes();
  }

  private void footprint() throws Exception {
    String tasks = options.get("footprint-tasks");
    List<String> flags = List.of("-Xmx" + options.get("footprint-heap"),
        "-XX:+ExitOnOutOfMemoryError");
    String classPath = System.getProperty("java.class.path");
    System.out.println("Kotlin coroutines, " + tasks + " sleeping:");
    double kotlin = bytesPerTask(ChildJvm.run(flags, classPath,
        BENCH + "kotlin.SleepingCoroutinesFootprint", tasks));
    double million = 1_000_000;
    for (String engine : engines) {
      System.out.println("asyncigo " + engine + " engine, " + tasks + " sleeping tasks:");
      List<String> engineFlags = new ArrayList<>(flags);
      engineFlags.add("-Dasyncigo.engine=" + engine);
      double perTask = bytesPerTask(ChildJvm.run(engineFlags, classPath,
          BENCH + "SleepingTasksFootprint", tasks));
      targets.absolute("heap for 1,000,000 sleeping tasks, MB (" + engine + ")",
          perTask * million / 1e6, "kotlin", kotlin * million / 1e6, "MB", 600);
    }
  }

  private static double bytesPerTask(ChildJvm.Outcome outcome) {
    Matcher m = BYTES_PER_TASK.matcher(outcome.output());
    return outcome.exitStatus() == 0 && m.find()
        ? Double.parseDouble(m.group(1).replace(",", "")) : Double.NaN;
  }

  private void spawnMany() throws Exception {
    Path examples = Path.of(options.get("examples-jar"));
    if (!Files.isRegularFile(examples)) {
      System.out.println("SpawnManyExample: not measured, no " + examples
          + " (build it: ./mvnw -q -DskipTests -pl asyncigo.examples -am package)");
      return;
    }
    String classPath = examples + java.io.File.pathSeparator
        + System.getProperty("java.class.path");
    for (String engine : engines) {
      System.out.println("SpawnManyExample on the " + engine + " engine:");
      ChildJvm.Outcome outcome = ChildJvm.run(List.of("-Dasyncigo.engine=" + engine), classPath,
          "asyncigo.examples.SpawnManyExample");
      targets.absolute("SpawnManyExample, s, JVM start included (" + engine + ")",
          outcome.exitStatus() == 0 ? outcome.seconds() : Double.NaN, null, Double.NaN, "s",
          5.5);
    }
  }

  private void echo() throws Exception {
    List<String> servers = List.of(
        "asyncigo-epoll", "asyncigo-nio", "asyncigo-bytes-epoll", "netty-epoll", "netty-nio");
    Map<String, String> echoOptions = new LinkedHashMap<>();
    echoOptions.put("client", options.get("client"));
    echoOptions.put("servers", String.join(",", servers));
    echoOptions.put("threads", "1");
    echoOptions.put("rows", options.get("echo-rows"));
    echoOptions.put("seconds", options.get("echo-seconds"));
    echoOptions.put("warmup", options.get("echo-warmup"));
    echoOptions.put("repeat", options.get("echo-repeat"));
    ProcessEchoBench.Settings settings = ProcessEchoBench.settings(echoOptions);
    String engine = options.get("echo-engine");
    if (!engine.equals("auto")) {
      settings = settings.withServerFlags(List.of("-Dasyncigo.engine=" + engine));
    }
    EchoTable table = ProcessEchoBench.measure(settings);
    details.append("Echo servers in processes of their own (engine ").append(engine)
        .append("):\n\n").append(table.render()).append('\n')
        .append(table.renderCpuRatios(List.of("netty-epoll ×1", "netty-nio ×1")));
    for (EchoTable.Row row : settings.rows()) {
      String label = row.label().replace(" | ", " × ");
      double epoll = cpu(table, row, "asyncigo-epoll");
      double nio = cpu(table, row, "asyncigo-nio");
      double nettyEpoll = cpu(table, row, "netty-epoll");
      targets.relative("server CPU per round trip, " + label + ": asyncigo epoll", epoll,
          "Netty epoll", nettyEpoll, "µs", 0.9);
      targets.relative("server CPU per round trip, " + label + ": asyncigo nio", nio,
          "Netty nio", cpu(table, row, "netty-nio"), "µs", 0.9);
      targets.relative("server CPU per round trip, " + label + ": asyncigo epoll", epoll,
          "asyncigo nio", nio, "µs", 1.0);
      targets.relative("server CPU per round trip, " + label + ": byte[] loop (epoll)",
          cpu(table, row, "asyncigo-bytes-epoll"), "Netty epoll", nettyEpoll, "µs", 1.0);
    }
  }

  private static double cpu(EchoTable table, EchoTable.Row row, String server) {
    Double micros = table.serverCpuMicros(row, server + " ×1");
    return micros == null ? Double.NaN : micros;
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("engines", "virtual,carrier");
    options.put("public-engine", "virtual");
    options.put("parts", "jmh,footprint,spawn-many,echo");
    options.put("jmh", "-f 1 -wi 3 -i 5 -w 1 -r 1");
    options.put("footprint-tasks", "1000000");
    options.put("footprint-heap", "2g");
    options.put("examples-jar", "asyncigo.examples/target/asyncigo.examples-0.1.0-SNAPSHOT.jar");
    options.put("client", "/tmp/echo_load");
    options.put("echo-rows", "10x1024,100x1024,10x65536");
    options.put("echo-seconds", "3");
    options.put("echo-warmup", "2");
    options.put("echo-repeat", "3");
    options.put("echo-engine", "auto");
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    while (!rest.isEmpty()) {
      String flag = rest.remove(0);
      if (!flag.startsWith("--") || !options.containsKey(flag.substring(2)) || rest.isEmpty()) {
        throw new IllegalArgumentException("usage: Issue12Report " + options.entrySet().stream()
            .map(e -> "[--" + e.getKey() + " " + e.getValue() + "]").toList() + "; got " + flag);
      }
      options.put(flag.substring(2), rest.remove(0));
    }
    return options;
  }
}

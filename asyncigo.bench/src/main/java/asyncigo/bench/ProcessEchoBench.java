package asyncigo.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
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
 * The echo benchmark with servers in processes of their own (issues 12 and 14): every echo server
 * in a process of its own ({@link EchoServerProcess}), driven over 127.0.0.1 by the neutral C load
 * client {@code echo_load} (one thread, epoll; {@code /work/shared/bench/echo_load.c}) in another
 * process. For each row (connections × message size), server and thread count (asyncigo groups
 * of 1 and 2 loops, as {@code echo-server --loops N}; Netty with 1 and 2 event-loop threads) it
 * measures the round trips per second and the server process's CPU
 * time per round trip: utime + stime of {@code /proc/PID/stat} before and after the measured run,
 * and how often its threads blocked (voluntary context switches) per 1000 round trips.
 * The client's CPU time is its rusage, which this process collects (cutime + cstime) when the
 * client is reaped. Every server is started and warmed up on every row first, then each round
 * measures them all in turn, so that load from other work on the machine spreads over all of them;
 * the tables show medians, and each server's CPU per round trip divided by each Netty server's.
 *
 * <p>With {@code --unix true} the servers listen on Unix domain sockets (in a temporary folder
 * deleted at the end) with one thread each, and the client is {@code --unix-client}, the
 * Unix-socket variant of {@code echo_load} ({@code asyncigo.bench/src/main/c/unix_echo_load.c}).
 *
 * <p>UDP mode: the same measurements for the UDP echo servers ({@code asyncigo-udp-epoll},
 * {@code asyncigo-udp-nio}, {@code netty-udp-epoll}, {@code netty-udp-nio}; one thread and one
 * socket each) driven by {@code asyncigo.bench/src/main/c/udp_echo_load.c} (N connected sockets,
 * one datagram in flight on each): {@code gcc -O2 -o /tmp/udp_echo_load
 * asyncigo.bench/src/main/c/udp_echo_load.c}, then {@code ... ProcessEchoBench --client
 * /tmp/udp_echo_load --servers asyncigo-udp-epoll,asyncigo-udp-nio,netty-udp-epoll,netty-udp-nio
 * --threads 1 --rows 10x1024}. Datagrams the client had to send again (no echo within 200 ms)
 * are printed with the round's line.
 *
 * <p>Usage: {@code gcc -O2 -o /tmp/echo_load /work/shared/bench/echo_load.c}, then {@code java
 * --add-opens java.base/java.lang=ALL-UNNAMED --enable-native-access=ALL-UNNAMED -cp
 * benchmarks.jar asyncigo.bench.ProcessEchoBench --client /tmp/echo_load [--servers
 * asyncigo-epoll,asyncigo-nio,netty-epoll,netty-nio] [--threads 1,2] [--rows 100x1024] [--seconds
 * 5] [--warmup 3] [--repeat 3]}: rows are {@code CONNECTIONSxBYTES}, comma-separated, such as
 * {@code 10x1024,100x1024,10x65536}; {@code asyncigo-bytes-epoll} is also a server (the README's
 * {@code byte[]} loop). The servers run with this JVM's flags.
 */
public final class ProcessEchoBench {
  private static final Pattern CLIENT_OUTPUT =
      Pattern.compile("conns=\\d+ msg=\\d+ secs=([\\d.]+) trips=(\\d+) .* errors=(\\d+)");

  /** The datagrams {@code udp_echo_load} sent again because their echo did not come back. */
  private static final Pattern LOST = Pattern.compile(" lost=(\\d+) ");

  private ProcessEchoBench() {}

  /**
   * A server process: its column name, process, and where it listens: a port of 127.0.0.1, or
   * the path of a Unix domain socket.
   */
  private record Running(String column, Process process, String target, boolean unix) {}

  /**
   * What to measure: every server with every thread count, on every row (connections × message
   * size), {@code seconds} per measurement after {@code warmup} seconds of the same load per
   * server and row, {@code repeat} rounds; the servers run with this JVM's flags followed by
   * {@code serverFlags}; over Unix domain sockets with one thread per server if {@code unix}.
   */
  record Settings(
      Path client, List<String> servers, List<Integer> threads, List<EchoTable.Row> rows,
      int seconds, int warmup, int repeat, List<String> serverFlags, boolean unix) {
    /** These settings with the servers' extra flags replaced by {@code flags}. */
    Settings withServerFlags(List<String> flags) {
      return new Settings(client, servers, threads, rows, seconds, warmup, repeat, flags, unix);
    }
  }

  public static void main(String[] args) throws Exception {
    Settings settings = settings(parse(args));
    EchoTable table = measure(settings);
    System.out.println();
    System.out.print(table.render());
    if (settings.threads().size() > 1) {
      System.out.println();
      System.out.print(table.renderScaling());
    }
    List<String> nettyColumns =
        table.servers().stream().filter(c -> c.startsWith("netty-")).toList();
    if (!nettyColumns.isEmpty()) {
      System.out.println();
      System.out.print(table.renderCpuRatios(nettyColumns));
    }
    System.out.println("\nload average at the end: " + loadAverage());
  }

  /**
   * Starts every server, warms each up on every row, then measures them in turn, round after
   * round, printing each measurement; closes the servers and returns the results. Columns are
   * named {@code SERVER ×THREADS}.
   */
  static EchoTable measure(Settings settings) throws IOException, InterruptedException {
    if (!Files.isExecutable(settings.client())) {
      throw new IllegalArgumentException(
          "--client must name the built echo_load, not " + settings.client()
              + (settings.unix()
                  ? " (gcc -O2 -o /tmp/unix_echo_load asyncigo.bench/src/main/c/unix_echo_load.c)"
                  : " (gcc -O2 -o /tmp/echo_load /work/shared/bench/echo_load.c)"));
    }
    long tick = 1_000_000_000L / Long.parseLong(run("getconf", "CLK_TCK").strip());
    System.out.printf(
        Locale.ROOT, "process echo benchmark" + (settings.unix() ? " over Unix domain sockets" : "")
            + ": rows %s, %d s per measurement after %d s warm-up"
            + " per row, %d round(s); JDK %s; %d cores; server flags %s; load average %s%n",
        settings.rows(), settings.seconds(), settings.warmup(), settings.repeat(),
        Runtime.version(), Runtime.getRuntime().availableProcessors(),
        serverFlags() + " " + String.join(" ", settings.serverFlags()),
        loadAverage());
    List<Running> servers = new ArrayList<>();
    Path socketFolder =
        settings.unix() ? Files.createTempDirectory("asyncigo-bench-unix") : null;
    try {
      for (String server : settings.servers()) {
        if (socketFolder != null) {
          Path path = socketFolder.resolve(server + ".sock");
          servers.add(start(server, 1, settings.serverFlags(), path));
          continue;
        }
        for (int threads : settings.threads()) {
          servers.add(start(server, threads, settings.serverFlags(), null));
        }
      }
      for (EchoTable.Row row : settings.rows()) {
        for (Running server : servers) {
          drive(settings.client(), server, row, settings.warmup(), tick);
        }
      }
      EchoTable table = new EchoTable(servers.stream().map(Running::column).toList());
      for (int round = 1; round <= settings.repeat(); round++) {
        System.out.println("round " + round + " of " + settings.repeat() + " (load average "
            + loadAverage() + "):");
        for (EchoTable.Row row : settings.rows()) {
          for (Running server : servers) {
            long switches = blockings(server.process().pid());
            PingPongClient.Result r =
                drive(settings.client(), server, row, settings.seconds(), tick);
            switches = blockings(server.process().pid()) - switches;
            table.record(row, server.column(), r);
            System.out.printf(
                Locale.ROOT, "%-24s %4d × %6d B %,10.0f round trips/s, %5.1f µs server CPU"
                    + " each, client busy %3.0f%%, server blocked %5.1f times per 1000 round"
                    + " trips%n",
                server.column(), row.connections(), row.messageBytes(), r.perSecond(),
                r.serverCpuMicrosPerRoundTrip(), 100 * r.clientBusy(),
                1000.0 * switches / r.roundTrips());
          }
        }
      }
      return table;
    } finally {
      for (Running server : servers) {
        server.process().getOutputStream().close();
      }
      for (Running server : servers) {
        server.process().waitFor();
      }
      if (socketFolder != null) {
        deleteFolder(socketFolder);
      }
    }
  }

  /** Deletes {@code folder} and the socket files a server left in it. */
  private static void deleteFolder(Path folder) throws IOException {
    try (var files = Files.list(folder)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    Files.delete(folder);
  }

  /**
   * Starts {@code server} with {@code threads} threads in a new JVM with this JVM's flags and
   * {@code flags}, on 127.0.0.1 or, if {@code unixPath} is not null, on a Unix domain socket
   * there; waits until it listens.
   */
  private static Running start(String server, int threads, List<String> flags, Path unixPath)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.addAll(flags);
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"),
            EchoServerProcess.class.getName(), server, String.valueOf(threads)));
    if (unixPath != null) {
      command.addAll(List.of("--unix", unixPath.toString()));
    }
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (line == null || !line.startsWith("listening ")) {
      throw new IOException(server + " ×" + threads + " did not start: " + line);
    }
    return new Running(
        server + " ×" + threads, process, line.substring("listening ".length()), unixPath != null);
  }

  /** Runs the client against {@code server} for {@code seconds}; what was measured. */
  private static PingPongClient.Result drive(
      Path client, Running server, EchoTable.Row row, int seconds, long tick)
      throws IOException, InterruptedException {
    long serverBefore = cpuTicks(server.process().pid(), 11, 12);
    long clientBefore = cpuTicks(ProcessHandle.current().pid(), 13, 14);
    List<String> command = new ArrayList<>(List.of(client.toString()));
    if (!server.unix()) {
      command.add("127.0.0.1");
    }
    command.addAll(
        List.of(server.target(), String.valueOf(row.connections()),
            String.valueOf(row.messageBytes()), String.valueOf(seconds)));
    String output = run(command.toArray(String[]::new));
    long serverTicks = cpuTicks(server.process().pid(), 11, 12) - serverBefore;
    long clientTicks = cpuTicks(ProcessHandle.current().pid(), 13, 14) - clientBefore;
    Matcher m = CLIENT_OUTPUT.matcher(output.strip());
    if (!m.matches() || !m.group(3).equals("0")) {
      throw new IOException(server.column() + ": the client reported " + output.strip());
    }
    Matcher lost = LOST.matcher(output);
    if (lost.find() && !lost.group(1).equals("0")) {
      System.out.println(server.column() + ": " + lost.group(1) + " datagrams lost and sent again");
    }
    long nanos = (long) (Double.parseDouble(m.group(1)) * 1e9);
    return new PingPongClient.Result(
        Long.parseLong(m.group(2)), nanos, clientTicks * tick, serverTicks * tick);
  }

  /**
   * The sum of two fields of {@code /proc/PID/stat}, counted from the field after the command
   * name (so 11 and 12 are utime and stime, 13 and 14 cutime and cstime), in clock ticks.
   */
  private static long cpuTicks(long pid, int first, int second) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[first]) + Long.parseLong(fields[second]);
  }

  /**
   * How often the threads of process {@code pid} have blocked so far: the sum of their voluntary
   * context switches ({@code /proc/PID/task/TID/status}); a loop blocks when it runs out of ready
   * connections and waits in its poller.
   */
  private static long blockings(long pid) throws IOException {
    long sum = 0;
    try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
      for (Path task : tasks.toList()) {
        try {
          for (String line : Files.readAllLines(task.resolve("status"))) {
            if (line.startsWith("voluntary_ctxt_switches:")) {
              sum += Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
            }
          }
        } catch (IOException threadEnded) {
          // a thread that ended meanwhile took its count with it
        }
      }
    }
    return sum;
  }

  /** Runs a command to its end and returns its standard output; fails on a nonzero exit. */
  private static String run(String... command) throws IOException {
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (process.waitFor() != 0) {
        throw new IOException(String.join(" ", command) + " failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    return output;
  }

  private static String serverFlags() {
    return String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments());
  }

  static String loadAverage() throws IOException {
    String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
    return fields[0] + " " + fields[1] + " " + fields[2];
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("client", "/tmp/echo_load");
    options.put("unix", "false");
    options.put("unix-client", "/tmp/unix_echo_load");
    options.put("servers", "asyncigo-epoll,asyncigo-nio,netty-epoll,netty-nio");
    options.put("threads", "1,2");
    options.put("rows", "100x1024");
    options.put("seconds", "5");
    options.put("warmup", "3");
    options.put("repeat", "3");
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    while (!rest.isEmpty()) {
      String flag = rest.remove(0);
      if (!flag.startsWith("--") || !options.containsKey(flag.substring(2)) || rest.isEmpty()) {
        throw new IllegalArgumentException("usage: ProcessEchoBench " + options.keySet()
            .stream().map(k -> "[--" + k + " V]").reduce((a, b) -> a + " " + b).orElse("")
            + "; got " + flag);
      }
      options.put(flag.substring(2), rest.remove(0));
    }
    return options;
  }

  /** The settings the options name; fails naming an unknown server or a malformed row. */
  static Settings settings(Map<String, String> options) {
    List<String> servers = List.of(options.get("servers").split(","));
    for (String server : servers) {
      if (!EchoServerProcess.SERVERS.containsKey(server)) {
        throw new IllegalArgumentException(
            "unknown server " + server + "; known: " + EchoServerProcess.SERVERS.keySet());
      }
    }
    List<EchoTable.Row> rows = new ArrayList<>();
    for (String row : options.get("rows").split(",")) {
      String[] parts = row.split("x");
      if (parts.length != 2) {
        throw new IllegalArgumentException(
            "a row is CONNECTIONSxBYTES, such as 10x1024, not " + row);
      }
      rows.add(new EchoTable.Row(Integer.parseInt(parts[0]), Integer.parseInt(parts[1])));
    }
    boolean unix = Boolean.parseBoolean(options.get("unix"));
    return new Settings(
        Path.of(options.get(unix ? "unix-client" : "client")), servers,
        Arrays.stream(options.get("threads").split(",")).map(Integer::valueOf).toList(), rows,
        Integer.parseInt(options.get("seconds")), Integer.parseInt(options.get("warmup")),
        Integer.parseInt(options.get("repeat")), List.of(), unix);
  }
}

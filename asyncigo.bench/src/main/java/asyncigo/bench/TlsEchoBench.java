package asyncigo.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The TLS echo benchmark of issue 11: asyncigo's TLS streams against Netty 4.2's {@code
 * SslHandler} on the JDK's SSLEngine, each server a process of its own with one event-loop thread,
 * driven by the same client process ({@link TlsEchoClientMain}). The figure is the server
 * process's CPU time per round trip (utime + stime of {@code /proc/PID/stat} over the measured
 * window, GC and JIT threads included), which a loaded machine disturbs far less than the rate.
 * Each measurement starts a fresh server, warms it up with the same load, then measures; the
 * servers take turns within each row and round, and the table gives medians with their range.
 *
 * <p>Usage: {@code java -cp benchmarks.jar asyncigo.bench.TlsEchoBench [--seconds 5] [--warmup
 * 5] [--repeat 3] [--connections 10] [--sizes 1024,65536] [--servers
 * asyncigo-epoll,netty-epoll,asyncigo-nio,netty-nio]}
 */
public final class TlsEchoBench {
  /** The flags of every child JVM: the fast engine allowed, native access, a fixed heap. */
  private static final List<String> JVM_FLAGS =
      List.of(
          "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED",
          "-Xms256m", "-Xmx256m", "-Dio.netty.leakDetection.level=disabled");

  private TlsEchoBench() {}

  /** One measurement: round trips, the window's length and the server's CPU time in it. */
  record Sample(long trips, long nanos, double serverCpuSeconds) {
    double cpuMicrosPerTrip() {
      return serverCpuSeconds * 1e6 / trips;
    }

    double tripsPerSecond() {
      return trips * 1e9 / nanos;
    }
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    int seconds = Integer.parseInt(options.get("seconds"));
    int warmup = Integer.parseInt(options.get("warmup"));
    int repeat = Integer.parseInt(options.get("repeat"));
    int connections = Integer.parseInt(options.get("connections"));
    int[] sizes =
        Arrays.stream(options.get("sizes").split(",")).mapToInt(Integer::parseInt).toArray();
    List<String> servers = List.of(options.get("servers").split(","));
    Path keystore = Files.createTempFile("tls-echo-bench", ".p12");
    Files.delete(keystore);
    TlsBenchKeys.make(keystore);
    double tick = 1.0 / clockTicksPerSecond();
    System.out.printf(Locale.ROOT,
        "TLS echo benchmark: %d connections, %d s measured after %d s warm-up, %d round(s); JDK %s;"
            + " %d cores; load %s%n",
        connections, seconds, warmup, repeat, Runtime.version(),
        Runtime.getRuntime().availableProcessors(), loadAverage());
    Map<String, List<Sample>> samples = new LinkedHashMap<>();
    try {
      for (int round = 1; round <= repeat; round++) {
        for (int size : sizes) {
          for (String server : servers) {
            Sample s = measure(server, keystore, connections, size, warmup, seconds, tick);
            samples.computeIfAbsent(server + " " + size, k -> new ArrayList<>()).add(s);
            System.out.printf(Locale.ROOT,
                "round %d %-15s %6d B: %8.1f µs server CPU per round trip, %,9.0f round trips/s%n",
                round, server, size, s.cpuMicrosPerTrip(), s.tripsPerSecond());
          }
        }
      }
    } finally {
      Files.deleteIfExists(keystore);
    }
    System.out.println("load at the end " + loadAverage());
    System.out.println();
    System.out.print(TlsEchoTable.render(samples, servers, sizes, connections));
  }

  private static Sample measure(
      String server, Path keystore, int connections, int size, int warmup, int seconds,
      double tick) throws IOException, InterruptedException {
    Process serverProcess = java("asyncigo.bench.TlsEchoServerMain", server, keystore.toString());
    try {
      BufferedReader serverOut = reader(serverProcess);
      String announced = serverOut.readLine();
      if (announced == null || !announced.startsWith("port ")) {
        throw new IOException(server + " did not start: " + announced);
      }
      Process client =
          java("asyncigo.bench.TlsEchoClientMain", announced.substring(5),
              String.valueOf(connections), String.valueOf(size), String.valueOf(warmup),
              String.valueOf(seconds), keystore.toString());
      BufferedReader clientOut = reader(client);
      long pid = serverProcess.pid();
      long before = -1;
      for (String line = clientOut.readLine(); line != null; line = clientOut.readLine()) {
        if (line.equals("measuring")) {
          before = cpuTicks(pid);
        } else if (line.startsWith("trips ")) {
          long after = cpuTicks(pid);
          String[] words = line.split(" ");
          client.waitFor(30, TimeUnit.SECONDS);
          return new Sample(
              Long.parseLong(words[1]), Long.parseLong(words[3]), (after - before) * tick);
        }
      }
      throw new IOException("the client ended without a result, exit " + client.waitFor());
    } finally {
      serverProcess.getOutputStream().close();
      if (!serverProcess.waitFor(30, TimeUnit.SECONDS)) {
        serverProcess.destroyForcibly();
      }
    }
  }

  /** A child JVM on this one's class path running {@code main} with {@code args}. */
  private static Process java(String main, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_FLAGS);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), main));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  private static BufferedReader reader(Process process) {
    return new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /** The process's user + system CPU time so far, in clock ticks (/proc/PID/stat 14 and 15). */
  private static long cpuTicks(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  private static long clockTicksPerSecond() throws IOException, InterruptedException {
    Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
    String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    getconf.waitFor();
    return Long.parseLong(out.strip());
  }

  private static String loadAverage() throws IOException {
    String[] load = Files.readString(Path.of("/proc/loadavg")).split(" ");
    return load[0] + " " + load[1] + " " + load[2];
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("seconds", "5");
    options.put("warmup", "5");
    options.put("repeat", "3");
    options.put("connections", "10");
    options.put("sizes", "1024,65536");
    options.put("servers", "asyncigo-epoll,netty-epoll,asyncigo-nio,netty-nio");
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i].startsWith("--") ? args[i].substring(2) : "";
      if (!options.containsKey(name) || i + 1 >= args.length) {
        throw new IllegalArgumentException(
            "usage: TlsEchoBench [--seconds N] [--warmup N] [--repeat N] [--connections N]"
                + " [--sizes A,B] [--servers a,b]; got " + args[i]);
      }
      options.put(name, args[i + 1]);
    }
    return options;
  }
}

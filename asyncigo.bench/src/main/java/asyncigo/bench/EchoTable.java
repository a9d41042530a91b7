package asyncigo.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The results of the echo benchmark and their Markdown tables (rows = connections × message
 * size, columns = servers): round trips per second, the ratio of each server to an asyncigo
 * server, the server's CPU time per round trip, and the issue targets met or missed. When a cell
 * was measured more than once the tables use the median, and the first table shows the spread as
 * ± half the range, relative to the median.
 */
final class EchoTable {
  /** One row: a connection count and a message size. */
  record Row(int connections, int messageBytes) {
    String label() {
      String size =
          messageBytes % 1024 == 0 ? messageBytes / 1024 + " KiB" : messageBytes + " B";
      return connections + " | " + size;
    }
  }

  private static final ToDoubleFunction<PingPongClient.Result> RATE =
      PingPongClient.Result::perSecond;
  private static final ToDoubleFunction<PingPongClient.Result> SERVER_CPU =
      PingPongClient.Result::serverCpuMicrosPerRoundTrip;
  private static final ToDoubleFunction<PingPongClient.Result> CLIENT_BUSY =
      PingPongClient.Result::clientBusy;

  /** The servers the targets of issues 3 and 5 compare; without them there are no targets. */
  private static final List<String> TARGET_SERVERS =
      List.of("asyncigo-nio", "asyncigo-epoll", "netty-nio", "netty-epoll");

  /** From this share of the interval on a CPU, the client, not the server, sets the rate. */
  private static final double CLIENT_BOUND = 0.9;

  private final List<String> servers;
  private final Map<Row, Map<String, List<PingPongClient.Result>>> samples =
      new LinkedHashMap<>();
  private final Map<String, String> failures = new LinkedHashMap<>();

  EchoTable(List<String> servers) {
    this.servers = servers;
  }

  /** The columns, in table order. */
  List<String> servers() {
    return servers;
  }

  /** The median server CPU time per round trip of {@code server} on {@code row}, µs, or null. */
  Double serverCpuMicros(Row row, String server) {
    return samples.containsKey(row) ? median(row, server, SERVER_CPU) : null;
  }

  void record(Row row, String server, PingPongClient.Result result) {
    samples
        .computeIfAbsent(row, r -> new LinkedHashMap<>())
        .computeIfAbsent(server, s -> new ArrayList<>())
        .add(result);
  }

  /** Records that {@code server} failed on {@code row}, with the cause. */
  void fail(Row row, String server, String cause) {
    samples.computeIfAbsent(row, r -> new LinkedHashMap<>());
    failures.put(row.label() + " | " + server, cause);
  }

  /** Records that {@code server} cannot run here at all, with the cause. */
  void unavailable(String server, String cause) {
    failures.put(server + " (every row)", cause);
  }

  String render() {
    StringBuilder out = new StringBuilder();
    out.append("Round trips per second (higher is better; * = client-bound: the client thread was on"
        + " a CPU ≥ 90% of the time, so the rate is the client's ceiling, not the server's):\n\n");
    header(out, servers);
    for (Row row : samples.keySet()) {
      out.append("| ").append(row.label());
      for (String s : servers) {
        out.append(" | ").append(rateCell(row, s));
      }
      out.append(" |\n");
    }
    for (String reference : List.of("asyncigo-nio", "asyncigo-epoll")) {
      if (servers.contains(reference)) {
        ratios(out, reference);
      }
    }
    out.append("\nServer CPU time per round trip, µs (lower is better; the process's CPU time less"
        + " the client thread's, so GC and JIT threads count):\n\n");
    header(out, servers);
    for (Row row : samples.keySet()) {
      out.append("| ").append(row.label());
      for (String s : servers) {
        Double cpu = median(row, s, SERVER_CPU);
        out.append(" | ").append(cpu == null ? "–" : String.format(Locale.ROOT, "%.1f", cpu));
      }
      out.append(" |\n");
    }
    if (servers.containsAll(TARGET_SERVERS)) {
      targets(out);
    }
    if (!failures.isEmpty()) {
      out.append("\nNot measured:\n\n");
      failures.forEach(
          (where, cause) -> out.append("- ").append(where).append(": ").append(cause).append('\n'));
    }
    return out.toString();
  }

  /**
   * How each server scales with its threads (issue 14), for columns named {@code "NAME ×1"},
   * {@code "NAME ×2"}, ...: per row and server, the median rate and server CPU per round trip of
   * each thread count, and each count's rate divided by the rate with one thread.
   */
  String renderScaling() {
    StringBuilder out = new StringBuilder();
    out.append("| server | connections | message | threads | round trips/s | vs ×1 |"
        + " server CPU µs per round trip |\n|---|---|---|---:|---:|---:|---:|\n");
    for (Row row : samples.keySet()) {
      for (String single : servers) {
        if (!single.endsWith(" ×1")) {
          continue;
        }
        String name = single.substring(0, single.length() - " ×1".length());
        Double base = median(row, single, RATE);
        for (String column : servers) {
          if (!column.startsWith(name + " ×")) {
            continue;
          }
          Double rate = median(row, column, RATE);
          Double cpu = median(row, column, SERVER_CPU);
          out.append("| ").append(name).append(" | ").append(row.label()).append(" | ")
              .append(column.substring(name.length() + 2)).append(" | ")
              .append(rateCell(row, column)).append(" | ")
              .append(rate == null || base == null
                  ? "–" : String.format(Locale.ROOT, "%.2f", rate / base))
              .append(" | ")
              .append(cpu == null ? "–" : String.format(Locale.ROOT, "%.1f", cpu))
              .append(" |\n");
        }
      }
    }
    return out.toString();
  }

  /**
   * Per row, each server's median CPU time per round trip divided by that of each reference
   * server (issue 12's targets compare asyncigo with Netty this way).
   */
  String renderCpuRatios(List<String> references) {
    StringBuilder out = new StringBuilder();
    for (String reference : references) {
      List<String> others = new ArrayList<>(servers);
      others.remove(reference);
      out.append("Server CPU per round trip divided by ").append(reference)
          .append("'s (below 1.00: cheaper than ").append(reference).append("):\n\n");
      header(out, others);
      for (Row row : samples.keySet()) {
        Double base = median(row, reference, SERVER_CPU);
        out.append("| ").append(row.label());
        for (String s : others) {
          Double cpu = median(row, s, SERVER_CPU);
          out.append(" | ").append(
              cpu == null || base == null ? "–" : String.format(Locale.ROOT, "%.2f", cpu / base));
        }
        out.append(" |\n");
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** The median of {@code metric} over the samples of {@code server} on {@code row}, or null. */
  private Double median(Row row, String server, ToDoubleFunction<PingPongClient.Result> metric) {
    List<PingPongClient.Result> results = samples.get(row).get(server);
    if (results == null) {
      return null;
    }
    double[] sorted = results.stream().mapToDouble(metric).sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** The median rate and, for several samples, ± half their range relative to the median. */
  private String rateCell(Row row, String server) {
    Double median = median(row, server, RATE);
    if (median == null) {
      return "–";
    }
    List<PingPongClient.Result> results = samples.get(row).get(server);
    String text = String.format(Locale.ROOT, "%,.0f", median);
    if (results.size() > 1) {
      double[] rates = results.stream().mapToDouble(RATE).sorted().toArray();
      double range = rates[rates.length - 1] - rates[0];
      text += String.format(Locale.ROOT, " ±%.0f%%", 50 * range / median);
    }
    return median(row, server, CLIENT_BUSY) >= CLIENT_BOUND ? text + " *" : text;
  }

  private void ratios(StringBuilder out, String reference) {
    List<String> peers = new ArrayList<>(servers);
    peers.remove(reference);
    out.append("\nEach server's rate divided by ").append(reference)
        .append("'s (below 1.00: ").append(reference).append(" is faster):\n\n");
    header(out, peers);
    for (Row row : samples.keySet()) {
      Double base = median(row, reference, RATE);
      out.append("| ").append(row.label());
      for (String s : peers) {
        Double r = median(row, s, RATE);
        out.append(" | ")
            .append(r == null || base == null ? "–" : String.format(Locale.ROOT, "%.2f", r / base));
      }
      out.append(" |\n");
    }
  }

  private void targets(StringBuilder out) {
    out.append("\nTargets (issues 3 and 5), per row, on round trips per second:\n\n");
    out.append("| connections | message | asyncigo-nio ≥ netty-nio | asyncigo-epoll ≥ asyncigo-nio"
        + " | asyncigo-epoll ≥ netty-epoll |\n");
    out.append("|---|---|---|---|---|\n");
    for (Row row : samples.keySet()) {
      out.append("| ").append(row.label())
          .append(" | ").append(verdict(row, "asyncigo-nio", "netty-nio"))
          .append(" | ").append(verdict(row, "asyncigo-epoll", "asyncigo-nio"))
          .append(" | ").append(verdict(row, "asyncigo-epoll", "netty-epoll"))
          .append(" |\n");
    }
  }

  private String verdict(Row row, String server, String peer) {
    Double a = median(row, server, RATE);
    Double b = median(row, peer, RATE);
    if (a == null || b == null) {
      return "–";
    }
    return String.format(Locale.ROOT, "%s (%.2f×)", a >= b ? "met" : "MISSED", a / b);
  }

  private static void header(StringBuilder out, List<String> columns) {
    out.append("| connections | message");
    columns.forEach(c -> out.append(" | ").append(c));
    out.append(" |\n|---|---");
    columns.forEach(c -> out.append("|---:"));
    out.append("|\n");
  }
}

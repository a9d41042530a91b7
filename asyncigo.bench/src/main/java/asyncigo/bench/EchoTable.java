package asyncigo.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results of the echo benchmark and their Markdown tables: round trips per second (rows =
 * connections × message size, columns = servers), the ratio of each server to an asyncigo
 * server, and the issue targets met or missed. When a cell was measured more than once, the
 * tables use the median, and the first table shows the spread as ± half the range, relative to
 * the median.
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

  private final List<String> servers;
  private final Map<Row, Map<String, List<Double>>> samples = new LinkedHashMap<>();
  private final Map<String, String> failures = new LinkedHashMap<>();

  EchoTable(List<String> servers) {
    this.servers = servers;
  }

  void record(Row row, String server, double roundTripsPerSecond) {
    samples
        .computeIfAbsent(row, r -> new LinkedHashMap<>())
        .computeIfAbsent(server, s -> new ArrayList<>())
        .add(roundTripsPerSecond);
  }

  /** Records that {@code server} failed on {@code row} (or could not start), with the cause. */
  void fail(Row row, String server, String cause) {
    samples.computeIfAbsent(row, r -> new LinkedHashMap<>());
    failures.put(row.label() + " | " + server, cause);
  }

  /** Records that {@code server} cannot run here at all, with the cause. */
  void unavailable(String server, String cause) {
    failures.put(server + " (every row)", cause);
  }

  /** The median round trips per second of {@code server} on {@code row}, or null if none. */
  private Double rate(Row row, String server) {
    List<Double> values = samples.get(row).get(server);
    if (values == null) {
      return null;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** The median and, for several samples, ± half their range relative to the median. */
  private String cell(Row row, String server) {
    Double median = rate(row, server);
    if (median == null) {
      return "–";
    }
    List<Double> values = samples.get(row).get(server);
    String text = String.format(Locale.ROOT, "%,.0f", median);
    if (values.size() > 1) {
      double range = Collections.max(values) - Collections.min(values);
      text += String.format(Locale.ROOT, " ±%.0f%%", 50 * range / median);
    }
    return text;
  }

  String render() {
    StringBuilder out = new StringBuilder();
    out.append("Round trips per second (higher is better):\n\n");
    header(out, servers);
    for (Row row : samples.keySet()) {
      out.append("| ").append(row.label());
      for (String s : servers) {
        out.append(" | ").append(cell(row, s));
      }
      out.append(" |\n");
    }
    for (String reference : List.of("asyncigo-nio", "asyncigo-epoll")) {
      if (servers.contains(reference) && hasAny(reference)) {
        ratios(out, reference);
      }
    }
    targets(out);
    if (!failures.isEmpty()) {
      out.append("\nNot measured:\n\n");
      failures.forEach((where, cause) -> out.append("- ").append(where).append(": ").append(cause)
          .append('\n'));
    }
    return out.toString();
  }

  private boolean hasAny(String server) {
    return samples.values().stream().anyMatch(m -> m.containsKey(server));
  }

  private void ratios(StringBuilder out, String reference) {
    List<String> peers = new ArrayList<>(servers);
    peers.remove(reference);
    out.append("\nEach server's rate divided by ").append(reference)
        .append("'s (below 1.00: ").append(reference).append(" is faster):\n\n");
    header(out, peers);
    for (Row row : samples.keySet()) {
      Double base = rate(row, reference);
      out.append("| ").append(row.label());
      for (String s : peers) {
        Double r = rate(row, s);
        out.append(" | ")
            .append(r == null || base == null ? "–" : String.format(Locale.ROOT, "%.2f", r / base));
      }
      out.append(" |\n");
    }
  }

  private void targets(StringBuilder out) {
    out.append("\nTargets (issues 3 and 5), per row:\n\n");
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
    Double a = rate(row, server);
    Double b = rate(row, peer);
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

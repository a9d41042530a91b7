package asyncigo.bench;

import asyncigo.bench.TlsEchoBench.Sample;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The tables of {@link TlsEchoBench}: per size and server the median server CPU per round trip
 * (with its range) and the median rate, then each asyncigo server against the Netty server on
 * the same transport (CPU per round trip; target ≤ 1.0).
 */
final class TlsEchoTable {
  private TlsEchoTable() {}

  static String render(
      Map<String, List<Sample>> samples, List<String> servers, int[] sizes, int connections) {
    StringBuilder out = new StringBuilder();
    out.append("server CPU per round trip, µs (median, min–max) | round trips/s (median)\n");
    out.append(String.format(Locale.ROOT, "%-18s", "connections × size"));
    for (String server : servers) {
      out.append(String.format(Locale.ROOT, " | %-30s", server));
    }
    out.append('\n');
    for (int size : sizes) {
      out.append(String.format(Locale.ROOT, "%-18s", connections + " × " + size + " B"));
      for (String server : servers) {
        List<Sample> row = samples.getOrDefault(server + " " + size, List.of());
        out.append(
            row.isEmpty()
                ? String.format(Locale.ROOT, " | %-30s", "-")
                : String.format(Locale.ROOT, " | %5.1f (%5.1f–%5.1f) %,10.0f",
                    median(row, Sample::cpuMicrosPerTrip),
                    min(row, Sample::cpuMicrosPerTrip),
                    max(row, Sample::cpuMicrosPerTrip),
                    median(row, Sample::tripsPerSecond)));
      }
      out.append('\n');
    }
    out.append("\nasyncigo / Netty, server CPU per round trip (target ≤ 1.0)\n");
    for (String transport : List.of("epoll", "nio")) {
      for (int size : sizes) {
        List<Sample> ours = samples.get("asyncigo-" + transport + " " + size);
        List<Sample> netty = samples.get("netty-" + transport + " " + size);
        if (ours != null && netty != null) {
          out.append(String.format(Locale.ROOT, "%-6s %6d B: %.2f%n", transport, size,
              median(ours, Sample::cpuMicrosPerTrip)
                  / median(netty, Sample::cpuMicrosPerTrip)));
        }
      }
    }
    return out.toString();
  }

  private static double median(List<Sample> row, ToDoubleFunction<Sample> f) {
    List<Double> values = new ArrayList<>();
    row.forEach(s -> values.add(f.applyAsDouble(s)));
    Collections.sort(values);
    int n = values.size();
    return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
  }

  private static double min(List<Sample> row, ToDoubleFunction<Sample> f) {
    return row.stream().mapToDouble(f).min().orElse(Double.NaN);
  }

  private static double max(List<Sample> row, ToDoubleFunction<Sample> f) {
    return row.stream().mapToDouble(f).max().orElse(Double.NaN);
  }
}

package asyncigo.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The table {@link Issue12Report} prints: one line per target of issue 12, with asyncigo's
 * figure, the peer's figure from the same run, their ratio, the target and whether it was met.
 * A target is either relative (asyncigo ≤ factor × peer) or absolute (asyncigo ≤ limit, the peer
 * shown for context); a figure that could not be measured leaves the verdict at "not measured".
 */
final class TargetTable {
  /** One target line; {@code asyncigo} and {@code peer} are NaN when not measured. */
  private record Line(
      String what, double asyncigo, String peerName, double peer, String unit, String target,
      Boolean met) {}

  private final List<Line> lines = new ArrayList<>();

  /** A target {@code asyncigo ≤ factor × peer}. */
  void relative(String what, double asyncigo, String peerName, double peer, String unit,
      double factor) {
    Boolean met = Double.isNaN(asyncigo) || Double.isNaN(peer) ? null : asyncigo <= factor * peer;
    lines.add(new Line(what, asyncigo, peerName, peer, unit,
        String.format(Locale.ROOT, "≤ %.1f × %s", factor, peerName), met));
  }

  /** A target {@code asyncigo ≤ limit}, with a peer's figure shown beside it. */
  void absolute(String what, double asyncigo, String peerName, double peer, String unit,
      double limit) {
    Boolean met = Double.isNaN(asyncigo) ? null : asyncigo <= limit;
    lines.add(new Line(what, asyncigo, peerName, peer, unit,
        String.format(Locale.ROOT, "≤ %s %s", number(limit), unit), met));
  }

  String render() {
    StringBuilder out = new StringBuilder(
        "| target row | asyncigo | peer (same run) | ratio | target | verdict |\n"
            + "|---|---:|---:|---:|---|---|\n");
    for (Line l : lines) {
      out.append("| ").append(l.what())
          .append(" | ").append(figure(l.asyncigo(), l.unit()))
          .append(" | ").append(l.peerName() == null ? "–"
              : l.peerName() + " " + figure(l.peer(), l.unit()))
          .append(" | ").append(Double.isNaN(l.asyncigo()) || Double.isNaN(l.peer())
              || l.peer() == 0 ? "–" : String.format(Locale.ROOT, "%.2f", l.asyncigo() / l.peer()))
          .append(" | ").append(l.target())
          .append(" | ").append(l.met() == null ? "not measured" : l.met() ? "met" : "**missed**")
          .append(" |\n");
    }
    return out.toString();
  }

  private static String figure(double value, String unit) {
    return Double.isNaN(value) ? "–" : number(value) + " " + unit;
  }

  private static String number(double value) {
    return Math.abs(value) >= 100 || value == Math.rint(value)
        ? String.format(Locale.ROOT, "%,.0f", value)
        : String.format(Locale.ROOT, "%.1f", value);
  }
}

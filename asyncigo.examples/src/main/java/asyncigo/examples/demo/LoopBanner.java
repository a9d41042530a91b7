package asyncigo.examples.demo;

import asyncigo.api.Loop;
import asyncigo.api.LoopGroup;
import asyncigo.api.PollerSelection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The line every command prints first: which poller its loop (or each loop of its group) runs on,
 * why, and the loop.
 */
final class LoopBanner {
  private LoopBanner() {}

  /**
   * For example {@code # poller epoll (highest priority among the available pollers; skipped
   * nio: lower priority (10)) on Loop[OPEN, poller epoll, engine carrier]}.
   */
  static String of(Loop loop) {
    return poller(loop) + " on " + loop;
  }

  /**
   * For a loop group, for example {@code # poller epoll (...) on 2 loops, each Loop[RUNNING,
   * poller epoll, engine carrier]}, or {@code on 1 loop: Loop[...]}.
   */
  static String of(LoopGroup group) {
    List<Loop> loops = group.loops();
    String count = loops.size() == 1 ? "1 loop: " : loops.size() + " loops, each ";
    return poller(loops.get(0)) + " on " + count + loops.get(0);
  }

  private static String poller(Loop loop) {
    PollerSelection selection = loop.pollerSelection();
    String skipped =
        selection.skipped().entrySet().stream()
            .map(LoopBanner::skip)
            .collect(Collectors.joining(", "));
    return "# poller " + selection.chosen() + " (" + selection.reason()
        + (skipped.isEmpty() ? "" : "; skipped " + skipped) + ")";
  }

  private static String skip(Map.Entry<String, String> entry) {
    return entry.getKey() + ": " + entry.getValue();
  }
}

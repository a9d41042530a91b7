package asyncigo.examples.demo;

import asyncigo.api.Loop;
import asyncigo.api.PollerSelection;
import java.util.Map;
import java.util.stream.Collectors;

/** The line every command prints first: which poller its loop runs on, why, and the loop. */
final class LoopBanner {
  private LoopBanner() {}

  /**
   * For example {@code # poller epoll (highest priority among the available pollers; skipped
   * nio: lower priority (10)) on Loop[OPEN, poller epoll, engine carrier]}.
   */
  static String of(Loop loop) {
    PollerSelection selection = loop.pollerSelection();
    String skipped =
        selection.skipped().entrySet().stream()
            .map(LoopBanner::skip)
            .collect(Collectors.joining(", "));
    return "# poller " + selection.chosen() + " (" + selection.reason()
        + (skipped.isEmpty() ? "" : "; skipped " + skipped) + ") on " + loop;
  }

  private static String skip(Map.Entry<String, String> entry) {
    return entry.getKey() + ": " + entry.getValue();
  }
}

package asyncigo.loop.io;

import asyncigo.api.PollerSelection;
import asyncigo.api.spi.PollerProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the poller backend, in one documented order: the name forced by {@code
 * LoopOptions.poller} or {@code -Dasyncigo.poller} (failing with its cause if it is not found or
 * not available), else the available {@link PollerProvider} with the highest priority. Every
 * provider that was skipped is recorded with the reason and logged at debug level. Thread-safe.
 */
public final class PollerChooser {
  private static final Logger LOG = LoggerFactory.getLogger(PollerChooser.class);

  private PollerChooser() {}

  /** The winning provider and the selection report. */
  public record Choice(PollerProvider provider, PollerSelection selection) {}

  public static Choice choose(Optional<String> forcedByOptions) {
    Optional<String> forced =
        forcedByOptions.or(() -> Optional.ofNullable(System.getProperty("asyncigo.poller")));
    List<PollerProvider> found = new ArrayList<>();
    Map<String, String> skipped = new LinkedHashMap<>();
    ServiceLoader<PollerProvider> loader =
        ServiceLoader.load(PollerProvider.class, PollerChooser.class.getClassLoader());
    for (var it = loader.iterator(); ; ) {
      try {
        if (!it.hasNext()) {
          break;
        }
        found.add(it.next());
      } catch (ServiceConfigurationError e) {
        skipped.put("?" + skipped.size(), "failed to load: " + e.getMessage());
      }
    }
    PollerProvider winner = null;
    String reason;
    if (forced.isPresent()) {
      String name = forced.get();
      for (PollerProvider p : found) {
        if (p.name().equals(name)) {
          winner = p;
        }
      }
      if (winner == null) {
        throw new IllegalStateException(
            "poller '" + name + "' was asked for but not found; found: " + names(found));
      }
      Optional<String> cause = winner.unavailabilityCause();
      if (cause.isPresent()) {
        throw new IllegalStateException(
            "poller '" + name + "' was asked for but is unavailable: " + cause.get());
      }
      reason = "forced by " + (forcedByOptions.isPresent() ? "LoopOptions.poller" : "-Dasyncigo.poller");
    } else {
      for (PollerProvider p : found) {
        if (p.isAvailable() && (winner == null || p.priority() > winner.priority())) {
          winner = p;
        }
      }
      if (winner == null) {
        throw new IllegalStateException(
            found.isEmpty()
                ? "no asyncigo poller found: put io.asyncigo:asyncigo.poll.nio (any platform) or"
                    + " io.asyncigo:asyncigo.poll.epoll (Linux) on the module path or class path"
                : "no available asyncigo poller: " + describe(found) + "; put"
                    + " io.asyncigo:asyncigo.poll.nio (any platform) on the module path or class"
                    + " path");
      }
      reason = "highest priority among the available pollers";
    }
    for (PollerProvider p : found) {
      if (p != winner) {
        skipped.put(
            p.name(),
            p.unavailabilityCause()
                .map(c -> "unavailable: " + c)
                .orElse(forced.isPresent() ? "not the forced poller" : "lower priority (" + p.priority() + ")"));
      }
    }
    PollerSelection selection = new PollerSelection(winner.name(), reason, skipped);
    LOG.debug("using poller {} ({}); skipped: {}", winner.name(), reason, skipped);
    return new Choice(winner, selection);
  }

  private static String names(List<PollerProvider> found) {
    return found.stream().map(PollerProvider::name).toList().toString();
  }

  /** {@code "epoll is unavailable (disabled by -Dasyncigo.epoll.disable), ..."}. */
  private static String describe(List<PollerProvider> found) {
    return String.join(
        ", ",
        found.stream()
            .map(p -> p.name() + " is unavailable (" + p.unavailabilityCause().orElse("no cause given") + ")")
            .toList());
  }
}

package asyncigo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.Loop;
import asyncigo.api.PollerSelection;
import asyncigo.api.spi.LoopProvider;
import asyncigo.api.spi.PollerProvider;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The implementations are found on the module path through ServiceLoader, by the API alone. */
class ServiceDiscoveryTest {
  private static final boolean LINUX = System.getProperty("os.name").startsWith("Linux");

  private static Map<String, PollerProvider> pollerProviders() {
    return ServiceLoader.load(PollerProvider.class).stream()
        .map(ServiceLoader.Provider::get)
        .collect(Collectors.toMap(PollerProvider::name, p -> p));
  }

  private static String moduleOf(Object provider) {
    return provider.getClass().getModule().getName();
  }

  @Test
  void theLoopProviderIsFoundThroughServiceLoaderInTheAsyncigoLoopModule() {
    List<String> modules =
        ServiceLoader.load(LoopProvider.class).stream()
            .map(provider -> provider.type().getModule().getName())
            .toList();

    assertEquals(List.of("asyncigo.loop"), modules);
  }

  @Test
  void bothPollerProvidersAreFoundThroughServiceLoaderEachInItsOwnModule() {
    Map<String, PollerProvider> providers = pollerProviders();

    assertEquals(
        Map.of("epoll", "asyncigo.poll.epoll", "nio", "asyncigo.poll.nio"),
        providers.entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> moduleOf(e.getValue()))));
    assertEquals(100, providers.get("epoll").priority());
    assertEquals(10, providers.get("nio").priority());
  }

  @Test
  void theNioPollerIsAvailableEverywhere() {
    assertEquals(Optional.empty(), pollerProviders().get("nio").unavailabilityCause());
  }

  @Test
  void theEpollPollerIsAvailableOnLinuxAndOtherwiseSaysWhyNot() {
    PollerProvider epoll = pollerProviders().get("epoll");

    if (LINUX) {
      assertTrue(
          epoll.isAvailable(),
          () -> "epoll is unavailable on Linux: " + epoll.unavailabilityCause());
    } else {
      assertFalse(epoll.unavailabilityCause().orElseThrow().isBlank());
    }
  }

  @Test
  void aLoopOpenedThroughTheApiPicksTheAvailablePollerWithTheHighestPriority() {
    PollerSelection selection;
    try (Loop loop = Loop.open()) {
      selection = loop.pollerSelection();
    }

    if (LINUX) {
      assertEquals("epoll", selection.chosen());
      assertEquals("highest priority among the available pollers", selection.reason());
      assertEquals(Map.of("nio", "lower priority (10)"), selection.skipped());
    } else {
      assertEquals("nio", selection.chosen());
      assertTrue(selection.skipped().get("epoll").startsWith("unavailable: "), selection::toString);
    }
  }
}

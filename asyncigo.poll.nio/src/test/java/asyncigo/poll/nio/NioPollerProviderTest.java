package asyncigo.poll.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.spi.Poller;
import asyncigo.api.spi.PollerProvider;
import asyncigo.tck.Backends;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NioPollerProviderTest {
  @Test
  void theServiceLoaderFindsTheNioProviderThroughTheModuleDescriptor() {
    assertEquals(NioPollerProvider.class, Backends.provider("nio").getClass());
  }

  @Test
  void theNioProviderIsAlwaysAvailableWithTheFallbackPriority() {
    PollerProvider provider = new NioPollerProvider();
    assertEquals("nio", provider.name());
    assertEquals(10, provider.priority());
    assertEquals(Optional.empty(), provider.unavailabilityCause());
    assertTrue(provider.isAvailable());
  }

  @Test
  void eachOpenGivesANewPollerNamedNio() throws IOException {
    PollerProvider provider = new NioPollerProvider();
    try (Poller first = provider.open();
        Poller second = provider.open()) {
      assertTrue(first != second, "a new poller per open");
      assertEquals("nio", first.name());
    }
  }
}

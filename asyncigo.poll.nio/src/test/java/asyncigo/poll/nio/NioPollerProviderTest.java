package asyncigo.poll.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.spi.Poller;
import asyncigo.api.spi.PollerProvider;
import asyncigo.tck.Backends;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NioPollerProviderTest {
  @Test
  void theServiceLoaderFindsTheNioProviderThroughTheModuleDescriptor() {
    assertEquals(NioPollerProvider.class, Backends.provider("nio").getClass());
  }

  /** Class-path users find the provider through the services file: it must match the module. */
  @Test
  void theServicesFileNamesTheProviderTheModuleDescriptorProvides() throws IOException {
    Module module = NioPollerProvider.class.getModule();
    ModuleDescriptor.Provides provides =
        module.getDescriptor().provides().stream().findFirst().orElseThrow();
    try (InputStream services =
        module.getResourceAsStream("META-INF/services/" + provides.service())) {
      assertEquals(
          String.join("\n", provides.providers()) + "\n",
          new String(services.readAllBytes(), StandardCharsets.UTF_8));
    }
    assertEquals(List.of(NioPollerProvider.class.getName()), provides.providers());
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

package asyncigo.poll.epoll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import asyncigo.api.spi.Poller;
import asyncigo.api.spi.PollerProvider;
import asyncigo.tck.Backends;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EpollPollerProviderTest {
  @Test
  void serviceLoaderFindsTheEpollProviderWithPriority100() {
    PollerProvider provider = Backends.provider("epoll");
    assertEquals(EpollPollerProvider.class, provider.getClass());
    assertEquals(100, provider.priority());
  }

  @Test
  void epollIsAvailableOnThisLinuxMachine() throws IOException {
    PollerProvider provider = new EpollPollerProvider();
    assertEquals(Optional.empty(), provider.unavailabilityCause());
    try (Poller poller = provider.open()) {
      assertEquals("epoll", poller.name());
    }
  }

  @Test
  void theKillSwitchMakesTheProviderReportItsCauseAndOpenFailWithIt() {
    String before = System.getProperty(EpollPollerProvider.DISABLE_PROPERTY);
    System.setProperty(EpollPollerProvider.DISABLE_PROPERTY, "true");
    try {
      PollerProvider provider = new EpollPollerProvider();
      assertEquals(Optional.of("disabled by -Dasyncigo.epoll.disable"),
          provider.unavailabilityCause());
      assertFalse(provider.isAvailable());
      IllegalStateException e = assertThrows(IllegalStateException.class, provider::open);
      assertEquals("epoll is unavailable: disabled by -Dasyncigo.epoll.disable", e.getMessage());
    } finally {
      if (before == null) {
        System.clearProperty(EpollPollerProvider.DISABLE_PROPERTY);
      } else {
        System.setProperty(EpollPollerProvider.DISABLE_PROPERTY, before);
      }
    }
    assertEquals(Optional.empty(), new EpollPollerProvider().unavailabilityCause(),
        "the switch is read on every call, so turning it off brings the backend back");
  }

  @Test
  void theEventLayoutIsPackedOnX8664AndAlignedOnAarch64AndAbsentElsewhere() {
    assertEquals(Optional.of(new EpollEventLayout(12, 4)), EpollEventLayout.forArchitecture("amd64"));
    assertEquals(Optional.of(new EpollEventLayout(16, 8)),
        EpollEventLayout.forArchitecture("aarch64"));
    assertEquals(Optional.empty(), EpollEventLayout.forArchitecture("riscv64"));
  }
}

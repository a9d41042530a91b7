package asyncigo.poll.epoll.probe;

import asyncigo.api.spi.PollerProvider;
import java.util.ServiceLoader;

/**
 * Run in a child JVM by {@code NativeProbeFailureTest}: prints the epoll provider's availability
 * as {@code available} or {@code unavailable: <cause>}, exactly as discovery would see it.
 */
public final class PrintEpollAvailability {
  private PrintEpollAvailability() {}

  public static void main(String[] args) {
    for (PollerProvider provider : ServiceLoader.load(PollerProvider.class)) {
      if (provider.name().equals("epoll")) {
        System.out.println(provider.unavailabilityCause().map(c -> "unavailable: " + c)
            .orElse("available"));
        return;
      }
    }
    System.out.println("not found");
  }
}

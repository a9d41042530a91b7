package asyncigo.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.spi.PollChannel;
import asyncigo.api.spi.Poller;
import asyncigo.api.spi.PollerProvider;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract every {@link Poller} backend keeps: timeouts and wakeups, level-triggered
 * readiness, registration rules, closed channels, and the sockets and pipes it makes. A backend's
 * tests subclass it and name their provider:
 *
 * <pre>{@code
 * class EpollPollerContractTest extends PollerContract {
 *   @Override protected String pollerName() { return "epoll"; }
 * }
 * }</pre>
 *
 * <p>The tests are skipped where the provider is unavailable. Each test gets a fresh poller. The
 * tests live in the interfaces this class implements, grouped by topic; the poller's own
 * lifecycle is tested here. Every test is bounded by a timeout, and sequences threads with
 * latches, never with sleeps.
 *
 * @since 0.1
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
public abstract class PollerContract
    implements PollerContractTimeouts,
        PollerContractReadiness,
        PollerContractRegistration,
        PollerContractKeys,
        PollerContractChannelKinds,
        PollerContractStreams,
        PollerContractSharing {
  private final List<PollChannel> channels = new ArrayList<>();
  private PollerProvider provider;
  private Poller poller;

  /** {@return the name of the provider under test, as {@link PollerProvider#name()} gives it} */
  protected abstract String pollerName();

  /**
   * Finds the provider (skipping the test where it is unavailable) and opens a poller.
   *
   * @throws IOException if the poller cannot be opened
   */
  @BeforeEach
  public final void openPoller() throws IOException {
    provider = Backends.provider(pollerName());
    Assumptions.assumeTrue(
        provider.isAvailable(),
        () -> pollerName() + " is unavailable: " + provider.unavailabilityCause().orElse("?"));
    poller = provider.open();
  }

  /**
   * Closes the poller, then every channel the test asked to close.
   *
   * @throws IOException the first failure to close, the later ones suppressed in it
   */
  @AfterEach
  public final void closePollerAndChannels() throws IOException {
    IOException failure = null;
    if (poller != null) {
      try {
        poller.close();
      } catch (IOException e) {
        failure = e;
      }
    }
    for (PollChannel channel : channels) {
      try {
        channel.close();
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public final PollerProvider provider() {
    return provider;
  }

  @Override
  public final Poller poller() {
    return poller;
  }

  @Override
  public final <T extends PollChannel> T closeAfterTest(T channel) {
    channels.add(channel);
    return channel;
  }

  @Test
  public void pollerIsNamedAsItsProvider() {
    assertEquals(pollerName(), provider.name());
    assertEquals(pollerName(), poller.name());
  }

  @Test
  public void closingThePollerTwiceIsHarmlessAndWakeupAfterCloseDoesNothing() throws IOException {
    poller.close();
    poller.close();
    poller.wakeup();
    poller.wakeup();
  }

  @Test
  public void closingThePollerLeavesTheChannelsItMadeOpen() throws IOException {
    Poller.PipeEnds ends = pipe();
    poller.register(ends.source(), Poller.READ, "source");
    poller.close();
    assertTrue(ends.source().isOpen(), "source open after the poller closed");
    assertTrue(ends.sink().isOpen(), "sink open after the poller closed");
    send(ends.sink(), "still here");
    ByteBuffer bytes = ByteBuffer.allocate(32);
    assertEquals(10, ends.source().read(bytes));
  }
}

package asyncigo.poll.epoll;

import asyncigo.api.spi.PollChannel;
import asyncigo.api.spi.Poller;
import asyncigo.api.spi.PollerProvider;
import asyncigo.tck.Backends;
import asyncigo.tck.PollerContractFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * An epoll poller, fresh for each test, with the contract suite's helpers (connect, accept, send,
 * receive). Unlike the contract, these tests fail rather than skip where epoll is unavailable:
 * this module's tests run on Linux only.
 */
abstract class EpollFixture implements PollerContractFixture {
  private final List<PollChannel> channels = new ArrayList<>();
  private PollerProvider provider;
  private Poller poller;

  @BeforeEach
  final void openPoller() throws IOException {
    provider = Backends.provider("epoll");
    poller = provider.open();
  }

  @AfterEach
  final void closePollerAndChannels() throws IOException {
    poller.close();
    for (PollChannel channel : channels) {
      channel.close();
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

  /** The descriptor numbers this process has open now (not counting the listing's own). */
  static List<Integer> openDescriptors() {
    List<Path> entries;
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      entries = fds.toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries.stream()
        .filter(p -> Files.exists(p, LinkOption.NOFOLLOW_LINKS)) // the listing's fd is closed now
        .map(p -> Integer.valueOf(p.getFileName().toString()))
        .sorted()
        .toList();
  }

  /** The descriptor of a channel this poller made. */
  static int fdOf(PollChannel channel) {
    return ((EpollChannel) channel).fd;
  }
}

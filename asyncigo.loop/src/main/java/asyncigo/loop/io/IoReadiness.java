package asyncigo.loop.io;

import asyncigo.api.spi.PollChannel;
import java.io.IOException;

/**
 * The loop's I/O readiness service, as the streams see it (asyncio's add_reader/add_writer, in
 * the form of waits). Loop-confined.
 *
 * <p>Discipline: try the read, write, accept or connect first; only when it reports "would block"
 * wait through the channel's {@link IoWatch}. The poller is level-triggered, so no wake-up is
 * lost.
 */
public interface IoReadiness {
  /**
   * Registers {@code channel} with the loop's poller, with no interest yet.
   *
   * @param <C> the channel's type
   * @param channel a channel of the loop's poller, not registered
   * @return the channel's watch, which its owner keeps
   * @throws IOException if the poller cannot register it
   */
  <C extends PollChannel> IoWatch<C> open(C channel) throws IOException;

  /**
   * {@link #open}, and if registering fails, closes {@code channel} (a failure to close it is
   * suppressed in the thrown one) before throwing: the caller owns nothing afterwards.
   *
   * @param <C> the channel's type
   * @param channel a channel of the loop's poller, not registered
   * @return the channel's watch, which its owner keeps
   * @throws IOException if the poller cannot register it
   */
  default <C extends PollChannel> IoWatch<C> openOrClose(C channel) throws IOException {
    try {
      return open(channel);
    } catch (IOException | RuntimeException e) {
      try {
        channel.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }
}

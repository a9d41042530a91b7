package asyncigo.loop.io;

import asyncigo.api.Promise;
import asyncigo.api.spi.PollChannel;
import java.io.IOException;

/**
 * The loop's I/O readiness service, as the streams see it (asyncio's add_reader/add_writer, in
 * future form). Loop-confined.
 *
 * <p>Discipline: try the read, write, accept or connect first; only when it reports "would block"
 * await {@link #ready}. The poller is level-triggered, so no wake-up is lost.
 */
public interface IoReadiness {
  /** Registers {@code channel} with the loop's poller, with no interest yet. */
  void open(PollChannel channel) throws IOException;

  /**
   * A future completed when {@code channel} is ready for {@code op} ({@link
   * asyncigo.api.spi.Poller#READ} or {@link asyncigo.api.spi.Poller#WRITE}). One waiter per
   * channel and op: asking again while the previous future is pending returns that same future.
   * Cancelling the future withdraws the interest. If the channel is closed through {@link
   * #close}, the future fails with {@link asyncigo.api.net.StreamClosedException}.
   */
  Promise<Void> ready(PollChannel channel, int op);

  /**
   * Unregisters and closes {@code channel}; pending {@link #ready} futures fail with {@link
   * asyncigo.api.net.StreamClosedException} carrying {@code reason}. Idempotent.
   */
  void close(PollChannel channel, String reason);
}

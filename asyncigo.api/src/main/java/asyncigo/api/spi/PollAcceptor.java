package asyncigo.api.spi;

import java.io.IOException;

/**
 * A non-blocking listening socket. Ready for {@link Poller#READ} when a connection waits.
 * Loop-confined.
 *
 * @since 0.1
 */
public interface PollAcceptor extends PollChannel {
  /**
   * Accepts one pending connection (non-blocking; TCP_NODELAY on for TCP).
   *
   * @return the accepted socket, not registered with the poller yet, or null if none is pending
   * @throws IOException if accepting fails (the message names the error)
   */
  PollStream accept() throws IOException;
}

package asyncigo.api.spi;

import java.io.Closeable;
import java.io.IOException;
import java.net.SocketAddress;
import java.util.Optional;

/**
 * A non-blocking channel made by a {@link Poller}. Loop-confined.
 *
 * @since 0.1
 */
public interface PollChannel extends Closeable {
  /** {@return whether the channel is open} */
  boolean isOpen();

  /** {@return the local address if the channel is a bound socket, else empty} */
  Optional<SocketAddress> localAddress();

  /**
   * Closes the channel (and its descriptor) and unregisters it from its poller. Idempotent.
   *
   * @throws IOException if closing the descriptor fails
   */
  @Override
  void close() throws IOException;
}

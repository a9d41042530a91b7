package asyncigo.api.spi;

import java.io.Closeable;
import java.io.IOException;
import java.net.SocketAddress;
import java.util.Optional;

/** A non-blocking channel made by a {@link Poller}. Loop-confined. */
public interface PollChannel extends Closeable {
  /** Whether the channel is open. */
  boolean isOpen();

  /** The local address, if the channel is a bound socket. */
  Optional<SocketAddress> localAddress();

  /** Closes the channel (and its descriptor) and unregisters it from its poller. Idempotent. */
  @Override
  void close() throws IOException;
}

package asyncigo.api.spi;

import java.io.IOException;

/** A non-blocking listening socket. Ready for {@link Poller#READ} when a connection waits. */
public interface PollAcceptor extends PollChannel {
  /** Accepts one pending connection (non-blocking, TCP_NODELAY on), or null if none is pending. */
  PollStream accept() throws IOException;
}

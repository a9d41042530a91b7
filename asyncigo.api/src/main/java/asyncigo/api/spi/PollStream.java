package asyncigo.api.spi;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * A non-blocking byte channel: a TCP socket or one end of a pipe. Reads and writes never block;
 * they report "would block" as 0. Loop-confined.
 */
public interface PollStream extends PollChannel {
  /**
   * Reads into {@code dst}: the number of bytes read (at least 1), 0 if none are available now, or
   * -1 at end of stream.
   *
   * @throws IOException on a reset or another error (the message names it)
   */
  int read(ByteBuffer dst) throws IOException;

  /** Writes from {@code src}: the number of bytes written, 0 if the channel is full now. */
  int write(ByteBuffer src) throws IOException;

  /**
   * Completes a connect started by {@link Poller#connect}: true once connected, false if still in
   * progress; true at once for accepted sockets and pipes.
   *
   * @throws java.net.ConnectException if the connection was refused or failed, on this and every
   *     later call; its message is the reason alone, as {@link
   *     java.nio.channels.SocketChannel#finishConnect} gives it (e.g. {@code "Connection
   *     refused"}): the loop adds the address
   */
  boolean finishConnect() throws IOException;

  /** Half-closes: no more writes; the peer reads end of stream. */
  void shutdownOutput() throws IOException;

  /** The peer's address, for a connected socket. */
  Optional<SocketAddress> remoteAddress();
}

package asyncigo.api.spi;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * A non-blocking byte channel: a TCP or Unix domain socket, or one end of a pipe. Reads and writes never block;
 * they report "would block" as 0. Loop-confined.
 *
 * <p><b>Resets.</b> Once the peer has reset a socket, whichever call meets the reset first, read
 * returns the bytes that arrived before it and then throws {@link java.net.SocketException} with
 * the message {@code "Connection reset"} on every call (never -1: a reset is not an end of
 * stream), and write throws the same on every call. Every backend throws exactly this, so that
 * the streams above behave alike on all of them.
 *
 * @since 0.1
 */
public interface PollStream extends PollChannel {
  /**
   * Reads into {@code dst}, from its position.
   *
   * @param dst where the bytes go
   * @return the number of bytes read (at least 1), 0 if none are available now, or -1 at end of
   *     stream
   * @throws java.net.SocketException {@code "Connection reset"} after a reset (see above)
   * @throws IOException on another error (the message names it)
   */
  int read(ByteBuffer dst) throws IOException;

  /**
   * Writes from {@code src}, from its position.
   *
   * @param src the bytes to write
   * @return the number of bytes written, 0 if the channel is full now
   * @throws java.net.SocketException {@code "Connection reset"} after a reset (see above)
   * @throws IOException on another error, such as "Broken pipe" (the message names it)
   */
  int write(ByteBuffer src) throws IOException;

  /**
   * Completes a connect started by {@link Poller#connect}: true once connected, false if still in
   * progress; true at once for accepted sockets and pipes.
   *
   * @return whether the channel is connected
   * @throws java.net.ConnectException if the connection was refused or failed, on this and every
   *     later call; its message is the reason alone, as {@link
   *     java.nio.channels.SocketChannel#finishConnect} gives it (e.g. {@code "Connection
   *     refused"}): the loop adds the address
   * @throws IOException on another error
   */
  boolean finishConnect() throws IOException;

  /**
   * Half-closes: no more writes; the peer reads end of stream.
   *
   * @throws IOException if the OS call fails
   */
  void shutdownOutput() throws IOException;

  /** {@return the peer's address for a connected socket, else empty} */
  Optional<SocketAddress> remoteAddress();
}

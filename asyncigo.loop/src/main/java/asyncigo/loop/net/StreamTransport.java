package asyncigo.loop.net;

import asyncigo.api.Future;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * What the two halves of a {@link ChannelStream} move bytes through: the socket or pipe end itself
 * ({@link SocketTransport}), or TLS over a socket ({@link TlsTransport}). The halves never touch
 * the channel or the readiness service themselves, so a stream can change its transport in place
 * (STARTTLS). Loop-confined.
 *
 * <p>Reads and writes never block and follow {@link asyncigo.api.spi.PollStream}'s conventions
 * (0 means "would block", -1 end of stream; a reset is {@link java.net.SocketException}
 * "Connection reset" on every later call). One addition: a transport may hold back bytes that
 * {@link #write} took (TLS keeps the ciphertext of the last records the kernel refused); {@link
 * #sendHeld()} sends them, and a write counts as sent only once nothing is held.
 */
interface StreamTransport {
  /** Reads into {@code dst}: the bytes read, 0 if none are available now, -1 at end of stream. */
  int read(ByteBuffer dst) throws IOException;

  /**
   * A future completed when {@link #read} may make progress; already complete when the transport
   * holds input it has not delivered. Awaited by the one reading task; cancelling it withdraws
   * the interest.
   */
  Future<Void> readable();

  /**
   * Suspends the reading task until {@link #read} may make progress: {@link #readable()}
   * awaited, unless the transport can wait without a future.
   *
   * @throws IOException as {@link #readable()} fails, unwrapped
   */
  default void awaitReadable() throws IOException {
    IoAwait.await(readable());
  }

  /** Takes bytes from {@code src}: how many, 0 if the transport cannot take any now. */
  int write(ByteBuffer src) throws IOException;

  /**
   * Sends what the transport holds back from earlier writes, as far as the kernel takes it;
   * true once nothing is held.
   */
  boolean sendHeld() throws IOException;

  /** A future completed when {@link #write} or {@link #sendHeld} may make progress. */
  Future<Void> writable();

  /**
   * Ends the output: the peer reads end of stream once what was written (and held) is sent. The
   * transport may hold bytes of its own afterwards (TLS: close_notify); {@link #sendHeld} sends
   * them.
   */
  void shutdownOutput() throws IOException;

  /**
   * Releases the channel at once; waiting readiness futures fail with {@link
   * asyncigo.api.net.StreamClosedException}. {@code outputComplete} says that every byte written
   * was sent, so that a TLS transport may first try to send close_notify (one attempt that never
   * waits). Idempotent.
   */
  void close(boolean outputComplete);
}

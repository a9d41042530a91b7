package asyncigo.api.net;

import asyncigo.api.Future;
import asyncigo.api.internal.net.StreamText;
import asyncigo.api.iter.AsyncIterable;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.Optional;

/**
 * A buffered, non-blocking byte stream over a TCP connection or a pipe end (the seed's {@code
 * AsyncStream}). Reading methods suspend the calling task until data arrives; nothing blocks the
 * loop thread.
 *
 * <p><b>Reading.</b> Reads go through an internal buffer. A read that is cancelled (its task is
 * cancelled) loses no byte: bytes leave the buffer only when a read returns them, so a read that
 * throws {@link asyncigo.api.CancelledException} leaves whatever arrived for the next read. A
 * cancellation that comes after the bytes woke the reader but before it resumed does not throw
 * there: the read returns them, and a task whose body returns that result ends with it (see
 * {@link asyncigo.api.Task}). One reader at a time: a second task reading while another waits gets
 * {@link IllegalStateException}.
 *
 * <p><b>Writing.</b> {@link #write} copies the bytes into the output buffer and returns at once;
 * the returned future completes once those bytes are handed to the kernel. Writes from several
 * tasks never interleave. {@link #drain()} is the backpressure point.
 *
 * <p><b>Resets.</b> A peer's reset is never an end of stream. The bytes that arrived before it
 * are read first (a read that the buffered bytes can answer returns them); then every read that
 * needs more throws {@link java.net.SocketException} with the message {@code "Connection reset"},
 * on every later call, whichever read it is. Writes, {@link #drain()} and {@link #flush()} throw
 * it too. A reset that a write met first is thrown by the reads the same way. Every poller
 * behaves so.
 *
 * <p><b>TLS.</b> A stream from {@link asyncigo.api.Loop#connect(String, int, TlsOptions)}, from
 * a TLS server or after {@link #startTls} behaves the same, byte for byte, with TLS underneath.
 * {@link #shutdownOutput()} sends TLS close_notify (then ends the TCP output), and the peer reads
 * end of stream; {@link #close()} sends close_notify first when every byte written was sent. A
 * peer that closes the connection without close_notify truncated the stream: reads throw {@link
 * javax.net.ssl.SSLException} ("... without close_notify (truncation)"), never end of stream. A
 * peer's attempt to renegotiate (TLS 1.2) fails the stream with {@link
 * javax.net.ssl.SSLException} "TLS renegotiation refused"; TLS 1.3 key updates go on unseen.
 *
 * <p><b>Closing.</b> {@link #close()} is idempotent; tasks waiting on the stream wake with {@link
 * StreamClosedException}; output still buffered is reported by failing its write futures (call
 * {@link #flush()} first to send it). Closing the loop closes every stream it still owns.
 *
 * <p><b>Failures.</b> A method that declares {@link IOException} throws {@link
 * StreamClosedException} once the stream is closed (or when it closes while the method waits),
 * {@link java.net.SocketException} {@code "Connection reset"} after a reset, and any other error
 * of the socket as it is. The source end of a pipe cannot be written and its sink end cannot be
 * read: such a call throws {@link UnsupportedOperationException}.
 *
 * <p><b>Threading.</b> Loop-confined: every method but {@link #isClosed()} must be called on the
 * loop's thread. Called from another thread it throws {@link IllegalStateException} ("{@code
 * AsyncStream.close is loop-confined: ...}", naming the thread) before it changes anything: the
 * stream stays open and its waiting reader keeps waiting. The iterators of {@link #lines()} and
 * {@link #chunks(int)} are loop-confined the same way. {@link #isClosed()} is thread-safe.
 *
 * @since 0.1
 */
public interface AsyncStream extends AutoCloseable {

  /**
   * The next line including its {@code '\n'}; at end of stream the final unterminated line, then
   * null.
   *
   * @return the line, or null at end of stream
   * @throws LineTooLongException if no {@code '\n'} comes within {@link #lineLimit()} bytes; the
   *     data stays buffered and readable
   * @throws IOException if the stream is closed or the connection failed (see the type's
   *     documentation)
   */
  byte[] readLine() throws IOException;

  /**
   * The bytes up to and including {@code delimiter}; at end of stream the remaining bytes, then
   * null.
   *
   * @param delimiter the byte that ends a record
   * @return the bytes, or null at end of stream
   * @throws LineTooLongException as {@link #readLine()}
   * @throws IOException if the stream is closed or the connection failed (see the type's
   *     documentation)
   */
  byte[] readUntil(byte delimiter) throws IOException;

  /**
   * Exactly {@code n} bytes.
   *
   * @param n how many bytes, 0 or more
   * @return the bytes
   * @throws IllegalArgumentException if n is negative
   * @throws IncompleteReadException if the stream ends first; it carries the bytes that came
   * @throws IOException if the stream is closed or the connection failed (see the type's
   *     documentation)
   */
  byte[] readExactly(int n) throws IOException;

  /**
   * {@code n} bytes, fewer only as the last chunk before end of stream, then null (the seed's
   * {@code ReadChunk}).
   *
   * @param n the chunk size, positive
   * @return the chunk, or null at end of stream
   * @throws IllegalArgumentException if n is not positive
   * @throws IOException if the stream is closed or the connection failed (see the type's
   *     documentation)
   */
  byte[] readChunk(int n) throws IOException;

  /**
   * Between 1 and {@code max} bytes, as soon as any are available; null at end of stream.
   *
   * @param max the most bytes to return, positive
   * @return the bytes, or null at end of stream
   * @throws IllegalArgumentException if max is not positive
   * @throws IOException if the stream is closed or the connection failed (see the type's
   *     documentation)
   */
  byte[] read(int max) throws IOException;

  /**
   * Reads between 1 and {@code dst.remaining()} bytes into {@code dst} as soon as any are
   * available and returns how many, or -1 at end of stream. When nothing is buffered the bytes go
   * from the socket straight into {@code dst}: with a direct buffer reused across calls, reading
   * copies nothing and allocates nothing.
   *
   * @param dst where the bytes go, from its position
   * @return how many bytes were read, or -1 at end of stream
   * @throws IllegalArgumentException if {@code dst} has no room left
   * @throws IOException if the stream is closed or the connection failed (see the type's
   *     documentation)
   */
  int read(ByteBuffer dst) throws IOException;

  /**
   * Every byte up to end of stream.
   *
   * @return the bytes, an empty array if there are none
   * @throws IOException if the stream is closed or the connection failed (see the type's
   *     documentation)
   */
  byte[] readAll() throws IOException;

  /**
   * The lines of the stream, as {@link #readLine()} returns them, until end of stream. A read
   * failure is thrown from the iterator's {@code hasNext()}, wrapped in {@link
   * asyncigo.api.UncheckedExecutionException}; closing the iterator does not close the stream.
   *
   * @return the lines, read as the iteration goes
   */
  AsyncIterable<byte[]> lines();

  /**
   * The stream in chunks of {@code n} bytes, as {@link #readChunk(int)} returns them; failures as
   * {@link #lines()}.
   *
   * @param n the chunk size, positive
   * @return the chunks, read as the iteration goes
   * @throws IllegalArgumentException if n is not positive
   */
  AsyncIterable<byte[]> chunks(int n);

  /**
   * A text view of this stream in {@code charset}: lines as strings without their terminator,
   * strings written encoded (see {@link TextStream}). The view keeps no bytes of its own, so text
   * and byte reads of this stream can be mixed. Cheap; any thread may call it.
   *
   * <pre>{@code
   * TextStream text = stream.text(StandardCharsets.UTF_8);
   * text.writeLine("HELLO " + name);
   * String reply = text.readLine();
   * }</pre>
   *
   * @param charset the charset of the text
   * @return the view
   * @throws IllegalArgumentException if {@code charset} does not write {@code '\r'} and {@code
   *     '\n'} as single bytes (UTF-16, UTF-32)
   * @throws NullPointerException if {@code charset} is null
   */
  default TextStream text(Charset charset) {
    return StreamText.of(this, charset);
  }

  /**
   * {@return the line-length limit of {@link #readLine()} and {@link #readUntil} (default 64
   * KiB)}
   */
  int lineLimit();

  /**
   * Sets the line-length limit.
   *
   * @param bytes the new limit, positive
   * @throws IllegalArgumentException if bytes is not positive
   */
  void lineLimit(int bytes);

  /**
   * Queues a copy of {@code data} for sending and returns at once; the future completes when the
   * bytes are on the wire (handed to the kernel), or fails if the stream breaks or closes first.
   *
   * <p>When the kernel takes every byte at once (nothing was queued before), the future returned
   * is already completed, and it is one future the loop shares among such writes: awaiting it
   * costs nothing and allocates nothing, but its identity is not unique to this write (do not
   * use it as a key, and cancelling it does nothing since it is done).
   *
   * @param data the bytes to send
   * @return a future that completes when the bytes are handed to the kernel
   * @throws StreamClosedException if the output is closed or shut down
   */
  Future<Void> write(byte[] data) throws StreamClosedException;

  /**
   * Queues the remaining bytes of {@code src} for sending, like {@link #write(byte[])}, and
   * advances its position to its limit. When nothing is queued the bytes go to the socket straight
   * from {@code src}; only what the kernel does not take at once is copied. Either way {@code src}
   * may be reused as soon as this returns. A write the kernel takes at once returns the loop's
   * shared completed future, as {@link #write(byte[])} explains.
   *
   * @param src the bytes to send, from its position to its limit
   * @return a future that completes when the bytes are handed to the kernel
   * @throws StreamClosedException if the output is closed or shut down
   */
  Future<Void> write(ByteBuffer src) throws StreamClosedException;

  /**
   * Backpressure: returns at once while the output buffer holds at most the high-water mark;
   * otherwise suspends until it drains below the low-water mark.
   *
   * @throws IOException if the stream is closed or the connection failed (see the type's
   *     documentation)
   */
  void drain() throws IOException;

  /**
   * Suspends until every byte written so far is on the wire.
   *
   * @throws IOException if the stream is closed or the connection failed (see the type's
   *     documentation)
   */
  void flush() throws IOException;

  /**
   * Sets the output buffer's water marks (defaults 64 KiB and 16 KiB).
   *
   * @param high the high-water mark, in bytes
   * @param low the low-water mark, in bytes
   * @throws IllegalArgumentException unless {@code 0 <= low <= high}
   */
  void writeLimits(int high, int low);

  /** {@return the number of bytes written but not yet on the wire} */
  int pendingOutput();

  /**
   * Sends what is buffered, then half-closes: the peer reads end of stream; reads go on. Later
   * writes throw {@link StreamClosedException}.
   *
   * @throws IOException if the stream is closed or the connection failed (see the type's
   *     documentation)
   */
  void shutdownOutput() throws IOException;

  /**
   * Turns this plaintext stream into a TLS stream in place (STARTTLS; asyncio's {@code
   * start_tls}): sends what is buffered, runs the handshake on the side {@code tls} says, and
   * returns once it is done; from then on every read and write of this stream is TLS. Bytes the
   * peer sent right behind the plaintext already read (its first TLS records, often buffered with
   * the last plaintext line) are the handshake's first input, not lost. A client checks the
   * server's certificate against {@link TlsOptions#serverName} or else the host this stream was
   * connected to by {@code connect(host, ...)}.
   *
   * <p>If the handshake fails or the calling task is cancelled during it, the stream is closed
   * (its state in between is neither plaintext nor TLS).
   *
   * @throws javax.net.ssl.SSLHandshakeException if the handshake fails (see {@link
   *     asyncigo.api.Loop#connect(String, int, TlsOptions)})
   * @throws IllegalStateException if the stream already speaks TLS, another task is reading it,
   *     or its output is shut down; or, for a client, if no server name is known; nothing changes
   * @throws IllegalArgumentException if {@code tls} names a protocol its context does not support
   * @throws UnsupportedOperationException on a pipe end, which carries bytes one way only
   * @throws StreamClosedException if the stream is closed
    * @param tls the tls
   */
  void startTls(TlsOptions tls) throws IOException;

  /**
   * What the TLS handshake settled (protocol, cipher suite, ALPN protocol, peer certificates);
   * empty for a plaintext stream.
    *
    * @return the value, if there is one
   */
  Optional<TlsSession> tlsSession();

  /** {@return the local address of a socket; empty for a pipe} */
  Optional<SocketAddress> localAddress();

  /** {@return the remote address of a socket; empty for a pipe} */
  Optional<SocketAddress> remoteAddress();

  /** {@return whether {@link #close()} has been called} Thread-safe. */
  boolean isClosed();

  /** Closes the stream at once (see the type's documentation). Idempotent. */
  @Override
  void close();
}

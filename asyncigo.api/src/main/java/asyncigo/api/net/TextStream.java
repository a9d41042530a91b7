package asyncigo.api.net;

import asyncigo.api.Future;
import asyncigo.api.iter.AsyncIterable;
import java.io.IOException;
import java.nio.charset.Charset;

/**
 * A text view of an {@link AsyncStream} in one charset, from {@link AsyncStream#text(Charset)}:
 * lines and text in, strings out, with no buffer of its own. Every read goes through the stream's
 * own input buffer and decodes exactly the bytes it takes, so text reads and byte reads of the
 * same stream can be mixed freely, and a cancelled read loses no byte (see {@link AsyncStream}).
 *
 * <p>Lines end at {@code '\n'}; a {@code '\r'} right before it is part of the terminator. Bytes
 * that are not valid in the charset decode to U+FFFD, as {@link String#String(byte[], Charset)}
 * does. Closing is the stream's business: the view has no close of its own.
 *
 * <p><b>Threading.</b> Loop-confined, like the stream it views: called from another thread every
 * method but {@link #charset()} and {@link #stream()} throws {@link IllegalStateException} before
 * it changes anything.
 *
 * @since 0.1
 */
public interface TextStream {
  /**
   * The next line without its terminator ({@code "\n"} or {@code "\r\n"}); at end of stream the
   * final unterminated line, then null.
   *
   * @return the line, or null at end of stream
   * @throws LineTooLongException if no {@code '\n'} comes within the stream's {@link
   *     AsyncStream#lineLimit() line limit}; the bytes stay buffered and readable
   * @throws IOException as {@link AsyncStream#readLine()}
   */
  String readLine() throws IOException;

  /**
   * Every remaining character up to end of stream.
   *
   * @return the text; an empty string if no byte is left
   * @throws IOException as {@link AsyncStream#readAll()}
   */
  String readAll() throws IOException;

  /**
   * The lines of the stream, as {@link #readLine()} returns them, until end of stream. Closing
   * the iterator early puts a line it fetched but did not hand out back into the stream.
   *
   * @return the lines, read as the iteration goes
   */
  AsyncIterable<String> lines();

  /**
   * Encodes {@code text} and queues it for sending, like {@link AsyncStream#write(byte[])}; the
   * future completes when the bytes are on the wire.
   *
   * @param text the text to send
   * @return a future completed once the bytes are handed to the kernel
   * @throws NullPointerException if {@code text} is null
   * @throws StreamClosedException if the output is closed or shut down
   */
  Future<Void> write(CharSequence text) throws StreamClosedException;

  /**
   * Writes {@code text} followed by {@code "\n"}, as one write.
   *
   * @param text the line to send, without its terminator
   * @return a future completed once the bytes are handed to the kernel
   * @throws NullPointerException if {@code text} is null
   * @throws StreamClosedException if the output is closed or shut down
   */
  Future<Void> writeLine(CharSequence text) throws StreamClosedException;

  /** {@return the charset of this view} Thread-safe. */
  Charset charset();

  /** {@return the byte stream this view reads and writes} Thread-safe. */
  AsyncStream stream();
}

package asyncigo.api.internal.net;

import asyncigo.api.Future;
import asyncigo.api.iter.AsyncIterable;
import asyncigo.api.iter.AsyncIterator;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.StreamClosedException;
import asyncigo.api.net.TextStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Objects;

/**
 * The {@link TextStream} over any {@link AsyncStream}: each read takes its bytes from the stream
 * (one line, or everything) and decodes exactly those, so the view holds no bytes of its own and
 * the stream's rules (one reader, no byte lost on cancel, thread checks) apply unchanged. Writes
 * encode and hand the bytes to {@link AsyncStream#write(ByteBuffer)}, which copies only what the
 * kernel does not take at once.
 */
public final class StreamText implements TextStream {
  private static final byte[] CRLF = {'\r', '\n'};

  private final AsyncStream stream;
  private final Charset charset;

  private StreamText(AsyncStream stream, Charset charset) {
    this.stream = stream;
    this.charset = charset;
  }

  /**
   * The text view of {@code stream} in {@code charset}.
   *
   * @throws IllegalArgumentException if the charset does not write {@code '\r'} and {@code '\n'}
   *     as the single bytes 13 and 10 (UTF-16 and UTF-32 do not), which line splitting relies on
   */
  public static TextStream of(AsyncStream stream, Charset charset) {
    Objects.requireNonNull(charset, "charset");
    if (!Arrays.equals(CRLF, "\r\n".getBytes(charset))) {
      throw new IllegalArgumentException(
          "a text view needs a charset that writes '\\r' and '\\n' as the single bytes 13 and 10,"
              + " such as UTF-8, US-ASCII or ISO-8859-1; " + charset + " does not");
    }
    return new StreamText(stream, charset);
  }

  @Override
  public String readLine() throws IOException {
    return decodeLine(stream.readLine());
  }

  private String decodeLine(byte[] line) {
    if (line == null) {
      return null;
    }
    int n = line.length;
    if (n > 0 && line[n - 1] == '\n') {
      n--;
      if (n > 0 && line[n - 1] == '\r') {
        n--;
      }
    }
    return new String(line, 0, n, charset);
  }

  @Override
  public String readAll() throws IOException {
    return new String(stream.readAll(), charset);
  }

  @Override
  public AsyncIterable<String> lines() {
    AsyncIterable<byte[]> bytes = stream.lines();
    return () -> new Lines(bytes.iterator());
  }

  @Override
  public Future<Void> write(CharSequence text) throws StreamClosedException {
    Objects.requireNonNull(text, "text");
    return stream.write(ByteBuffer.wrap(text.toString().getBytes(charset)));
  }

  @Override
  public Future<Void> writeLine(CharSequence text) throws StreamClosedException {
    Objects.requireNonNull(text, "text");
    return stream.write(ByteBuffer.wrap((text + "\n").getBytes(charset)));
  }

  @Override
  public Charset charset() {
    return charset;
  }

  @Override
  public AsyncStream stream() {
    return stream;
  }

  @Override
  public String toString() {
    return "TextStream[" + charset + ", " + stream + "]";
  }

  /** Decodes the lines of the stream's byte-line iterator as they are handed out. */
  private final class Lines implements AsyncIterator<String> {
    private final AsyncIterator<byte[]> bytes;

    Lines(AsyncIterator<byte[]> bytes) {
      this.bytes = bytes;
    }

    @Override
    public boolean hasNext() {
      return bytes.hasNext();
    }

    @Override
    public String next() {
      return decodeLine(bytes.next());
    }

    @Override
    public void close() {
      bytes.close();
    }
  }
}

package asyncigo.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.net.AsyncStream;
import java.io.ByteArrayOutputStream;

/**
 * How the reading side of the matrix reassembles a stream; each checks the shape of what every
 * call returns as it goes.
 *
 * @since 0.1
 */
public enum TransportReader {
  /** {@code lines()}: each line ends with '\n' except a final one (line limit raised to 1 MiB). */
  LINES {
    @Override
    byte[] receive(AsyncStream stream) {
      stream.lineLimit(1 << 20);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      boolean unterminatedSeen = false;
      for (byte[] line : stream.lines()) {
        assertTrue(line.length > 0, "a line is never empty");
        assertFalse(unterminatedSeen, "an unterminated line is the last one");
        unterminatedSeen = line[line.length - 1] != '\n';
        for (int i = 0; i < line.length - 1; i++) {
          assertTrue(line[i] != '\n', "a line holds one '\\n', at its end");
        }
        out.writeBytes(line);
      }
      return out.toByteArray();
    }
  },
  /** {@code chunks(100)}: chunks of exactly 100 bytes, the last one 1 to 100. */
  CHUNKS_OF_100 {
    @Override
    byte[] receive(AsyncStream stream) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      boolean shortSeen = false;
      for (byte[] chunk : stream.chunks(100)) {
        assertFalse(shortSeen, "a short chunk is the last one");
        assertTrue(chunk.length >= 1 && chunk.length <= 100, "chunk of " + chunk.length);
        shortSeen = chunk.length < 100;
        out.writeBytes(chunk);
      }
      return out.toByteArray();
    }
  },
  /** {@code read(1024)} until it returns null; each read gives 1 to 1024 bytes. */
  READ_1024_UNTIL_EOF {
    @Override
    byte[] receive(AsyncStream stream) throws Exception {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] piece;
      while ((piece = stream.read(1024)) != null) {
        assertTrue(piece.length >= 1 && piece.length <= 1024, "read of " + piece.length);
        out.writeBytes(piece);
      }
      assertEquals(null, stream.read(1024), "end of stream stays the end");
      return out.toByteArray();
    }
  },
  /** {@code readAll()}. */
  READ_ALL {
    @Override
    byte[] receive(AsyncStream stream) throws Exception {
      byte[] all = stream.readAll();
      assertEquals(0, stream.readAll().length, "after end of stream readAll gives nothing");
      return all;
    }
  };

  abstract byte[] receive(AsyncStream stream) throws Exception;
}

package asyncigo.tck;

import asyncigo.api.Loop;
import asyncigo.api.net.AsyncStream;
import java.time.Duration;
import java.util.Arrays;

/**
 * How the writing side of the matrix sends a data set, then closes its stream.
 *
 * @since 0.1
 */
public enum TransportWriter {
  /** One write of everything, awaited, then close. */
  ONE_WRITE_THEN_CLOSE {
    @Override
    void send(Loop loop, AsyncStream stream, byte[] data) throws Exception {
      stream.write(data).await();
      stream.close();
    }
  },
  /**
   * 500-byte pieces with a 1 ms pause after each (the reader gets them one by one), then flush and
   * close.
   */
  PIECES_OF_500_WITH_PAUSES {
    @Override
    void send(Loop loop, AsyncStream stream, byte[] data) throws Exception {
      for (int from = 0; from < data.length; from += 500) {
        stream.write(Arrays.copyOfRange(data, from, Math.min(data.length, from + 500)));
        stream.drain();
        loop.sleep(Duration.ofMillis(1));
      }
      stream.flush();
      stream.close();
    }
  };

  abstract void send(Loop loop, AsyncStream stream, byte[] data) throws Exception;
}

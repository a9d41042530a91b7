package asyncigo.loop.net;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.CancelledException;
import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.LoopOptions;
import asyncigo.api.Task;
import asyncigo.api.net.Pipe;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How streams wait for readiness: a reader's wait is withdrawn the moment it ends (also by
 * cancellation), so that a virtual clock is not held back, and reading again after a wait works
 * as often as needed; a write the kernel takes at once is complete when it returns. A clock held
 * back would sleep an hour: the time limit fails the test instead.
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ReadinessWaitTest {
  private static Loop virtualLoop() {
    return Loop.open(LoopOptions.defaults().virtualTime(true));
  }

  @Test
  void aCancelledReadWithdrawsItsInterestSoAnHourOfSleepPassesAtOnce() {
    try (Loop loop = virtualLoop()) {
      Duration slept =
          loop.run(
              () -> {
                Pipe pipe = loop.pipe();
                Task<byte[]> reader = loop.spawn(pipe.source()::readLine);
                loop.yieldNow();
                assertTrue(reader.awaiting().isPresent(), "the reader waits for the pipe");
                reader.cancel();
                assertThrows(CancelledException.class, reader::await);
                long before = loop.time();
                loop.sleep(Duration.ofHours(1));
                return Duration.ofNanos(loop.time() - before);
              });
      assertEquals(Duration.ofHours(1), slept);
    }
  }

  @Test
  void oneReaderWaitsAgainAndAgainForLinesWrittenOneByOne() {
    try (Loop loop = virtualLoop()) {
      String last =
          loop.run(
              () -> {
                Pipe pipe = loop.pipe();
                Task<String> reader =
                    loop.spawn(
                        () -> {
                          String line = null;
                          for (int i = 0; i < 100; i++) {
                            line = new String(pipe.source().readLine(), UTF_8);
                          }
                          return line;
                        });
                for (int i = 0; i < 100; i++) {
                  loop.yieldNow();
                  pipe.sink().write(("line " + i + "\n").getBytes(UTF_8)).await();
                }
                return reader.await();
              });
      assertEquals("line 99\n", last);
    }
  }

  @Test
  void aWriteTheKernelTakesAtOnceReturnsACompletedFuture() {
    try (Loop loop = virtualLoop()) {
      loop.run(
          () -> {
            Pipe pipe = loop.pipe();
            Future<Void> bytes = pipe.sink().write("a\n".getBytes(UTF_8));
            Future<Void> buffer = pipe.sink().write(ByteBuffer.wrap("b\n".getBytes(UTF_8)));
            assertEquals(Future.State.SUCCEEDED, bytes.state());
            assertEquals(Future.State.SUCCEEDED, buffer.state());
            assertNull(bytes.await());
            assertEquals("a\n", new String(pipe.source().readLine(), UTF_8));
            assertEquals("b\n", new String(pipe.source().readLine(), UTF_8));
            return null;
          });
    }
  }
}

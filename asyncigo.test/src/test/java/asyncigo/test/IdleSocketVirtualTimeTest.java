package asyncigo.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import asyncigo.api.Promise;
import asyncigo.api.Loop;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.Server;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Virtual time and open sockets: the clock jumps whenever no task or callback waits for I/O,
 * however many sockets are open. The time limit makes a clock that moved at the real rate fail
 * the test instead of sleeping an hour.
 */
@AsyncigoTest(timeout = 10, timeoutUnit = TimeUnit.SECONDS)
class IdleSocketVirtualTimeTest {
  @Test
  void anHourOfSleepPassesAtOnceWhileAConnectionThatWasJustReadStaysOpen(
      Loop loop, TestClock clock) throws IOException {
    Promise<Void> hangUp = loop.newFuture();
    Server server =
        loop.listen(
            "127.0.0.1",
            0,
            stream -> {
              stream.write(stream.readLine()).await();
              hangUp.await();
            });
    AsyncStream client = loop.connect("127.0.0.1", server.localAddress().getPort());
    client.write("ping\n".getBytes(StandardCharsets.UTF_8));
    assertEquals("ping\n", new String(client.readLine(), StandardCharsets.UTF_8));
    server.close();

    Duration before = clock.elapsed();
    loop.sleep(Duration.ofHours(1));
    assertEquals(Duration.ofHours(1), clock.elapsed().minus(before));

    hangUp.complete(null);
    client.close();
  }
}

package asyncigo.loop.net;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.CancelledException;
import asyncigo.api.Loop;
import asyncigo.api.LoopOptions;
import asyncigo.api.Task;
import asyncigo.api.UncheckedExecutionException;
import asyncigo.api.net.DatagramEndpoint;
import asyncigo.api.net.StreamClosedException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How a datagram endpoint waits for readiness, through its watch as the streams do: a receive's
 * wait is withdrawn the moment it ends (also by cancellation), so that a virtual clock is not held
 * back; one receiver waits again and again on the watch's reused wait; closing the endpoint ends a
 * waiting receive. A clock held back would sleep an hour: the time limit fails the test instead.
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DatagramWaitTest {
  private static final InetSocketAddress ANY_LOOPBACK_PORT =
      new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

  private static Loop virtualLoop() {
    return Loop.open(LoopOptions.defaults().virtualTime(true));
  }

  @Test
  void aCancelledReceiveWithdrawsItsInterestSoAnHourOfSleepPassesAtOnce() {
    try (Loop loop = virtualLoop()) {
      Duration slept =
          loop.run(
              () -> {
                DatagramEndpoint endpoint = loop.openDatagram(ANY_LOOPBACK_PORT);
                Task<?> receiver = loop.spawn(endpoint::receive);
                loop.yieldNow();
                assertTrue(receiver.awaiting().isPresent(), "the receiver waits for a datagram");
                receiver.cancel();
                assertThrows(CancelledException.class, receiver::await);
                long before = loop.time();
                loop.sleep(Duration.ofHours(1));
                endpoint.close();
                return Duration.ofNanos(loop.time() - before);
              });
      assertEquals(Duration.ofHours(1), slept);
    }
  }

  @Test
  void oneReceiverWaitsAgainAndAgainForDatagramsSentOneByOne() {
    try (Loop loop = virtualLoop()) {
      String last =
          loop.run(
              () -> {
                DatagramEndpoint server = loop.openDatagram(ANY_LOOPBACK_PORT);
                DatagramEndpoint client = loop.openDatagram(ANY_LOOPBACK_PORT);
                Task<String> receiver =
                    loop.spawn(
                        () -> {
                          String text = null;
                          for (int i = 0; i < 50; i++) {
                            text = new String(server.receive().payload(), UTF_8);
                          }
                          return text;
                        });
                for (int i = 0; i < 50; i++) {
                  while (receiver.awaiting().isEmpty()) {
                    loop.yieldNow();
                  }
                  client.send(("datagram " + i).getBytes(UTF_8), server.localAddress());
                  loop.yieldNow();
                }
                String text = receiver.await();
                server.close();
                client.close();
                return text;
              });
      assertEquals("datagram 49", last);
    }
  }

  @Test
  void closingTheEndpointEndsAWaitingReceiveWithStreamClosed() {
    try (Loop loop = virtualLoop()) {
      String message =
          loop.run(
              () -> {
                DatagramEndpoint endpoint = loop.openDatagram(ANY_LOOPBACK_PORT);
                Task<?> receiver = loop.spawn(endpoint::receive);
                loop.yieldNow();
                endpoint.close();
                UncheckedExecutionException e =
                    assertThrows(UncheckedExecutionException.class, receiver::await);
                assertInstanceOf(StreamClosedException.class, e.getCause());
                return e.getCause().getMessage();
              });
      assertEquals("datagram endpoint closed", message);
    }
  }
}

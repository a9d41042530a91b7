package asyncigo.loop.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import asyncigo.api.Loop;
import asyncigo.api.Promise;
import asyncigo.api.net.Server;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A loop with nothing ready hands the baton straight to its driver, which makes the one blocking
 * poll of the wake-up: the suspending task does not look at I/O first.
 */
class IdleWakeUpTest {
  private static final int ROUNDS = 20;

  @Test
  void aTaskWaitingForASocketReadCostsAtMostOnePollPerWakeUp() throws Exception {
    AtomicReference<Throwable> clientFailure = new AtomicReference<>();
    long mostPollsInARound;
    try (Loop loop = Loop.open()) {
      Scheduler scheduler = ((RealLoop) loop).scheduler;
      mostPollsInARound =
          loop.run(
              () -> {
                Promise<Long> counted = loop.newFuture();
                try (Server server =
                    loop.listen(
                        "127.0.0.1",
                        0,
                        stream -> {
                          // The client sends one byte and waits for its echo before the next, so
                          // between two reads the loop is idle until the client's byte arrives.
                          // A round whose byte arrived before the read looked costs no poll at all.
                          stream.readExactly(1);
                          long most = 0;
                          for (int i = 0; i < ROUNDS; i++) {
                            stream.write(new byte[] {(byte) i}).await();
                            long before = scheduler.polls;
                            stream.readExactly(1);
                            most = Math.max(most, scheduler.polls - before);
                          }
                          counted.complete(most);
                          stream.write(new byte[] {-1}).await();
                          stream.close();
                        })) {
                  Thread client = echoClient(server.localAddress().getPort(), clientFailure);
                  long n = counted.await();
                  loop.toThread(() -> { client.join(); return null; }).await();
                  return n;
                }
              });
    }
    assertEquals(null, clientFailure.get());
    assertEquals(1, mostPollsInARound);
  }

  /** A blocking client on a platform thread: sends a byte, waits for one, ROUNDS + 1 times. */
  private static Thread echoClient(int port, AtomicReference<Throwable> failure) {
    return Thread.ofPlatform()
        .name("echo-client")
        .start(
            () -> {
              try (Socket s = new Socket("127.0.0.1", port)) {
                OutputStream out = s.getOutputStream();
                InputStream in = s.getInputStream();
                for (int i = 0; i <= ROUNDS; i++) {
                  out.write(i);
                  out.flush();
                  if (in.read() < 0) {
                    throw new IllegalStateException("the server closed early");
                  }
                }
              } catch (Throwable t) {
                failure.set(t);
              }
            });
  }
}

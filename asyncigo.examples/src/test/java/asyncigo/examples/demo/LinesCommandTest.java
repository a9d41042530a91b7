package asyncigo.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LinesCommandTest {
  private final CapturedConsole captured = new CapturedConsole();

  /** A loopback server that sends {@code text} to one client, then closes the connection. */
  private static final class OneShotServer implements AutoCloseable {
    final ServerSocket socket;
    final CompletableFuture<Long> acceptedAtNanos;

    OneShotServer(String text) throws IOException {
      socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
      acceptedAtNanos =
          CompletableFuture.supplyAsync(
              () -> {
                try (Socket client = socket.accept()) {
                  long accepted = System.nanoTime();
                  OutputStream out = client.getOutputStream();
                  out.write(text.getBytes(StandardCharsets.UTF_8));
                  out.flush();
                  return accepted;
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              },
              command -> new Thread(command, "one-shot-server").start());
    }

    String address() {
      return "127.0.0.1:" + socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  @Test
  void theLinesOfEachServerArePrintedOneServerAfterTheOther() throws Exception {
    try (OneShotServer first = new OneShotServer("1\n2\n");
        OneShotServer second = new OneShotServer("a\nb without newline")) {

      int exit =
          Demo.standard()
              .run(List.of("lines", first.address(), second.address()), captured.console);

      assertEquals(0, exit, captured::err);
      assertEquals("1\n2\na\nb without newline", captured.out());
      assertTrue(
          first.acceptedAtNanos.get(10, TimeUnit.SECONDS)
              < second.acceptedAtNanos.get(10, TimeUnit.SECONDS),
          "the second server is dialled after the first");
    }
  }
}

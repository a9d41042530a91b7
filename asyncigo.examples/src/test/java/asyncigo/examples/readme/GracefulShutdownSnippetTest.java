package asyncigo.examples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import asyncigo.api.Async;
import asyncigo.api.Handle;
import asyncigo.api.Loop;
import asyncigo.api.Task;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.Server;
import asyncigo.api.net.StreamHandler;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * README "Signals and graceful shutdown": a server that a real SIGTERM (sent to this JVM with
 * {@code kill}, only once the handler is registered) shuts down gracefully.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GracefulShutdownSnippetTest {
  @Test
  void sigtermStopsAcceptingAndLetsTheRunningHandlerFinish() {
    try (Loop loop = Loop.open()) {
      int closed = loop.run(() -> {
        StreamHandler handler = stream -> {
          byte[] line = stream.readLine();
          loop.sleep(Duration.ofMillis(200));      // still working when TERM comes
          stream.write(line);
        };
        Server server = loop.listen("127.0.0.1", 0, handler);
        Task<String> client = loop.spawn(() -> sigtermOnceServing(loop, server));
        // The README quotes from here to term.cancel().
        Handle term = loop.onSignal("TERM", () -> server.shutdown(Duration.ofSeconds(5)));
        server.serveForever();                     // returns as soon as the shutdown starts
        int cut = server.shutdown(Duration.ofSeconds(5)).await();   // the same shutdown: waits
        term.cancel();                             // TERM ends the process again
        assertEquals("hello\n", client.await(), "the handler finished within the grace");
        return cut;
      });
      assertEquals(0, closed, "no connection was still open after the grace");
    }
  }

  /**
   * Once the main task waits in serveForever (so the TERM handler is registered), connects, sends
   * a line, sends SIGTERM to this process and returns the answer.
   */
  private static String sigtermOnceServing(Loop loop, Server server) throws Exception {
    Task<?> main = loop.tasks().get(0);
    while (main.stack().stream().noneMatch(f -> f.getMethodName().equals("serveForever"))) {
      loop.sleep(Duration.ofMillis(1));
    }
    try (AsyncStream conn = loop.connect("127.0.0.1", server.localAddress().getPort())) {
      conn.write("hello\n".getBytes()).await();
      loop.sleep(Duration.ofMillis(50));           // the handler has the line
      String pid = String.valueOf(ProcessHandle.current().pid());
      Async.runOnThread(() -> new ProcessBuilder("kill", "-TERM", pid).start().waitFor());
      return new String(conn.readLine());
    }
  }
}

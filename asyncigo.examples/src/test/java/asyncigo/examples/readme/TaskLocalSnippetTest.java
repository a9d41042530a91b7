package asyncigo.examples.readme;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import asyncigo.api.Loop;
import asyncigo.api.TaskLocal;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.Server;
import asyncigo.test.AsyncigoTest;
import java.io.IOException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** README "Task-local context": a request id set by a handler, inherited by what it spawns. */
@AsyncigoTest
class TaskLocalSnippetTest {
  private static final Logger LOG = LoggerFactory.getLogger(TaskLocalSnippetTest.class);

  // The README quotes from here to the end of serve.
  static final TaskLocal<String> REQUEST = TaskLocal.mdc("requestId"); // also in slf4j's MDC

  static Server serve(Loop loop, int port) throws IOException {
    return loop.listen("127.0.0.1", port, stream -> {
      REQUEST.set(UUID.randomUUID().toString());
      LOG.info("accepted");               // requestId=... in the log line
      loop.spawn(() -> { LOG.info("auditing"); return null; }); // same id in the child
      stream.readLine();                  // an await: the id stays
      LOG.info("request read");
    });
  }

  @Test
  void aHandlerServesOneRequestWithItsOwnId(Loop loop) throws Exception {
    try (Server server = serve(loop, 0);
        AsyncStream client = loop.connect("127.0.0.1", server.localAddress().getPort())) {
      client.text(UTF_8).writeLine("GET /");
      client.shutdownOutput();
      assertEquals(null, client.readLine()); // the handler returned and its stream closed
    }
  }
}

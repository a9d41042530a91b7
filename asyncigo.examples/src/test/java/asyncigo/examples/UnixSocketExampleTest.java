package asyncigo.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import asyncigo.api.LoopOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link UnixSocketExample} prints exactly the line of its Javadoc, on either poller. */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class UnixSocketExampleTest {

  @ParameterizedTest(name = "on {0}")
  @ValueSource(strings = {"epoll", "nio"})
  void unixSocketExamplePrintsTheEchoedLine(String poller) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    UnixSocketExample.run(
        new PrintStream(bytes, true, UTF_8), LoopOptions.defaults().poller(poller));
    assertEquals("unix echo: hello\n", bytes.toString(UTF_8));
  }
}

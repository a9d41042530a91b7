package asyncigo.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link SocketLinesExample} prints exactly the lines of its Javadoc. */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SocketLinesExampleTest {

  private static List<String> printedBy(Consumer<PrintStream> example) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    example.accept(new PrintStream(bytes, true, UTF_8));
    return List.of(bytes.toString(UTF_8).split("\n", -1));
  }

  @Test
  void socketLinesExamplePrintsTheCodePointCountOfEachLine() {
    assertEquals(List.of("6", "12", "18", "30", ""), printedBy(SocketLinesExample::run));
  }
}

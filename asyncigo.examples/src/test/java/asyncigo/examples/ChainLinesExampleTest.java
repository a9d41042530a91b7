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

/** {@link ChainLinesExample} prints exactly the lines of its Javadoc. */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ChainLinesExampleTest {

  private static List<String> printedBy(Consumer<PrintStream> example) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    example.accept(new PrintStream(bytes, true, UTF_8));
    return List.of(bytes.toString(UTF_8).split("\n", -1));
  }

  @Test
  void chainLinesExamplePrintsTheLinesOfBothConnectionsInOrder() {
    assertEquals(
        List.of(
            "got line: Lorem ipsum dolor sit amet.",
            "got line: Donec non velit consequat.",
            "got line: Donec interdum in nulla ac scelerisque.",
            "got line: Duis commodo, neque ac luctus eleifend.",
            "got line: Fusce lacinia id quam ac porttitor.",
            "got line: 生麦生米生卵",
            "got line: すもももももももものうち",
            "got line: 東京特許許可局長今日急遽休暇許可却下",
            "got line: 斜め77度の並びで泣く泣く嘶くナナハン7台難なく並べて長眺め",
            ""),
        printedBy(ChainLinesExample::run));
  }
}

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

/** {@link IteratorExamples} prints exactly the lines of its Javadoc. */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class IteratorExamplesTest {

  private static List<String> printedBy(Consumer<PrintStream> example) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    example.accept(new PrintStream(bytes, true, UTF_8));
    return List.of(bytes.toString(UTF_8).split("\n", -1));
  }

  @Test
  void iteratorExamplesPrintEveryUtilitysResult() {
    assertEquals(
        List.of(
            "[0, 1, 1, 2, 3, 5, 8, 13]",
            "1: a",
            "2: b",
            "3: c",
            "4: d",
            "1: a",
            "2: b",
            "3: c",
            "4: d",
            "null: e",
            "5: a",
            "6: b",
            "7: c",
            "8: d",
            "[0, 0, 1, 0, 1, 2, 0, 1, 2, 3, 0, 1, 2, 3, 4]",
            "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]",
            "[1, 3, 5, 8, 2, 9, 7, 4]",
            "0",
            "1",
            "2",
            "3",
            "4",
            "error: oops",
            ""),
        printedBy(IteratorExamples::run));
  }
}

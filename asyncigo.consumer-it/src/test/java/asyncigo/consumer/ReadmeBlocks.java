package asyncigo.consumer;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fenced code blocks of the project's README that follow a {@code <!-- consumer-it: what
 * -->} line: the instructions this project checks and runs. The README's path comes from the
 * system property {@code asyncigo.readme}, set by the build.
 */
final class ReadmeBlocks {
  private static final String MARKER_START = "<!-- consumer-it: ";
  private static final String MARKER_END = " -->";

  /** One block: the marker's text ({@code what}) and the lines between the fences. */
  record Block(String marker, String text) {}

  private ReadmeBlocks() {}

  /** The blocks whose marker is exactly {@code marker}, in README order; at least one. */
  static List<Block> marked(String marker) throws IOException {
    List<Block> found =
        all().stream().filter(block -> block.marker().equals(marker)).toList();
    assertTrue(!found.isEmpty(), () -> "no README block is marked '" + marker + "'");
    return found;
  }

  /** The one block marked {@code marker}. */
  static String single(String marker) throws IOException {
    List<Block> found = marked(marker);
    assertTrue(found.size() == 1, () -> found.size() + " README blocks are marked " + marker);
    return found.get(0).text();
  }

  private static List<Block> all() throws IOException {
    String location = System.getProperty("asyncigo.readme");
    if (location == null) {
      fail("system property asyncigo.readme is not set: run the tests through Maven");
    }
    List<String> lines = Files.readAllLines(Path.of(location), StandardCharsets.UTF_8);
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (!line.startsWith(MARKER_START) || !line.endsWith(MARKER_END)) {
        continue;
      }
      String marker =
          line.substring(MARKER_START.length(), line.length() - MARKER_END.length());
      int open = i + 1;
      if (open >= lines.size() || !lines.get(open).startsWith("```")) {
        fail("README line " + (i + 1) + ": a fenced block must follow the marker " + line);
      }
      int close = open + 1;
      while (close < lines.size() && !lines.get(close).equals("```")) {
        close++;
      }
      if (close == lines.size()) {
        fail("README line " + (open + 1) + ": the block marked '" + marker + "' is not closed");
      }
      blocks.add(new Block(marker, String.join("\n", lines.subList(open + 1, close)) + "\n"));
      i = close;
    }
    return blocks;
  }
}

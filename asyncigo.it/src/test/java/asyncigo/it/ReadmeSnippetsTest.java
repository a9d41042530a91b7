package asyncigo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project's README quotes every Java snippet from a source file the build compiles ({@link
 * ReadmeSnippets}); the README's path comes from the system property {@code asyncigo.readme}, set
 * by the build.
 */
class ReadmeSnippetsTest {
  private static final String POM = "<modules>\n  <module>app</module>\n</modules>\n";
  private static final String SOURCE =
      """
      package app;

      final class Answer {
          static int answer() {
              int a = 40;

              int b = 2;
              return a + b;
          }
      }
      """;

  @TempDir Path root;

  @Test
  void everyJavaBlockOfTheProjectReadmeIsInTheSourceFileItsMarkerNames() throws IOException {
    String readme = System.getProperty("asyncigo.readme");
    if (readme == null) {
      fail("system property asyncigo.readme is not set: run the tests through Maven");
    }
    List<String> problems = ReadmeSnippets.problems(Path.of(readme).toAbsolutePath().getParent());
    if (!problems.isEmpty()) {
      fail("README snippets out of step with the sources (put each java block, as it is, in the"
          + " compiled file its marker names, or fix the README):\n" + String.join("\n", problems));
    }
  }

  @Test
  void aBlockMatchesItsFileWhateverTheIndentationAndBlankLines() throws IOException {
    write("app/src/main/java/app/Answer.java", SOURCE);
    write("README.md", """
        # App
        <!-- snippet: app/src/main/java/app/Answer.java -->
        ```java
        int a = 40;
        int b = 2;

            return a + b;
        ```
        """);
    assertEquals(List.of(), ReadmeSnippets.problems(root));
  }

  @Test
  void unmarkedMissingOutsideAndDriftedBlocksAreReportedWithTheirReadmeLine() throws IOException {
    write("app/src/main/java/app/Answer.java", SOURCE);
    write("app/src/test/java/app/Answer.java", SOURCE);
    write("README.md", """
        # App
        <!-- snippet: app/src/main/java/app/Answer.java -->
        ```java
        int a = 40;
        ```
        Unmarked:
        ```java
        int a = 40;
        ```
        <!-- snippet: app/src/main/java/app/Gone.java -->
        ```java
        int a = 40;
        ```
        <!-- snippet: docs/Answer.java -->
        ```java
        int a = 40;
        ```
        <!-- snippet: app/src/test/java/app/Answer.java -->
        ```java
        int a = 40;
        int b = 3;
        return a + b;
        ```
        <!-- snippet: app/src/main/java/app/Answer.java -->
        ```java
        int c = 1;
        ```
        <!-- snippet: app/src/main/java/app/Answer.java -->
        ```java
        }
        }
        }
        ```
        """);
    assertEquals(
        List.of(
            "README.md line 7: this java block has no marker: put <!-- snippet: PATH --> on the"
                + " line before it, PATH being the compiled source file (relative to the"
                + " repository root) that holds the block's lines",
            "README.md line 11: snippet app/src/main/java/app/Gone.java does not exist",
            "README.md line 15: snippet docs/Answer.java is not a source file the build compiles:"
                + " it must be MODULE/src/main/java/....java or MODULE/src/test/java/....java,"
                + " MODULE being a <module> of pom.xml",
            "README.md line 21: the java block that opens at line 19 is not in"
                + " app/src/test/java/app/Answer.java: \"int b = 3;\" differs from line 7 there,"
                + " \"int b = 2;\"",
            "README.md line 26: the java block that opens at line 25 is not in"
                + " app/src/main/java/app/Answer.java: its first line \"int c = 1;\" is nowhere"
                + " in it",
            "README.md line 32: the java block that opens at line 29 is not in"
                + " app/src/main/java/app/Answer.java: the file ends before \"}\""),
        ReadmeSnippets.problems(root));
  }

  @Test
  void consumerItBlocksAndOtherLanguagesAreLeftToOthersButAStrayMarkerIsReported()
      throws IOException {
    write("README.md", """
        <!-- consumer-it: src/main/java/module-info.java is this block -->
        ```java
        module my.app {}
        ```
        ```sh
        java -version
        ```
        <!-- snippet: app/src/main/java/app/Answer.java -->

        ```java
        int a = 40;
        ```
        """);
    assertEquals(
        List.of(
            "README.md line 8: the marker <!-- snippet: app/src/main/java/app/Answer.java -->"
                + " must be directly followed by a ```java block",
            "README.md line 10: this java block has no marker: put <!-- snippet: PATH --> on the"
                + " line before it, PATH being the compiled source file (relative to the"
                + " repository root) that holds the block's lines"),
        ReadmeSnippets.problems(root));
  }

  private void write(String path, String text) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    if (!Files.exists(root.resolve("pom.xml"))) {
      Files.writeString(root.resolve("pom.xml"), POM);
    }
  }
}

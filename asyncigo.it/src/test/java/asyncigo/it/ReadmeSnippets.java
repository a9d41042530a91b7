package asyncigo.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks that every {@code ```java} block of a repository's {@code README.md} is quoted from a
 * source file that the build compiles, so that the README cannot drift from the API.
 *
 * <p>The line directly before each java block is a marker {@code <!-- snippet: PATH -->}, PATH
 * being relative to the repository root and of the form {@code MODULE/src/main/java/...java} or
 * {@code MODULE/src/test/java/...java}, MODULE a {@code <module>} of the root {@code pom.xml}. The
 * block is in the file when its lines, each stripped of leading and trailing white space and with
 * blank lines dropped, appear as one contiguous run of the file's lines treated the same way. A
 * block marked {@code <!-- consumer-it: ... -->} instead is checked by {@code asyncigo.consumer-it}.
 * Blocks of other languages are not checked.
 */
final class ReadmeSnippets {
  private static final String SNIPPET = "<!-- snippet: ";
  private static final String CONSUMER_IT = "<!-- consumer-it: ";
  private static final String END = " -->";
  private static final String FENCE = "```";
  private static final Pattern SOURCE = Pattern.compile("([^/]+)/src/(main|test)/java/.+\\.java");
  private static final Pattern MODULE = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>");

  /** A line of text that is not blank, with its 1-based line number. */
  private record Line(int number, String text) {}

  private final Path root;
  private final List<String> readme;
  private final Set<String> modules;
  private final List<String> problems = new ArrayList<>();

  private ReadmeSnippets(Path root) throws IOException {
    this.root = root;
    this.readme = Files.readAllLines(root.resolve("README.md"), StandardCharsets.UTF_8);
    Matcher module = MODULE.matcher(Files.readString(root.resolve("pom.xml")));
    this.modules = module.results().map(m -> m.group(1)).collect(Collectors.toSet());
  }

  /**
   * The problems of {@code root}'s {@code README.md}, in README order, each starting with {@code
   * README.md line N:}; empty when every java block is quoted from its file.
   */
  static List<String> problems(Path root) throws IOException {
    ReadmeSnippets check = new ReadmeSnippets(root);
    check.run();
    return check.problems;
  }

  private void run() throws IOException {
    for (int i = 0; i < readme.size(); i++) {
      String line = readme.get(i).strip();
      if (line.startsWith(SNIPPET) && !isFence(i + 1, "java")) {
        report(i, "the marker " + line + " must be directly followed by a ```java block");
      }
      if (!line.startsWith(FENCE)) {
        continue;
      }
      int close = i + 1;
      while (close < readme.size() && !readme.get(close).strip().equals(FENCE)) {
        close++;
      }
      if (close == readme.size()) {
        report(i, "this block is never closed by a ``` line");
        return;
      }
      if (isFence(i, "java")) {
        checkJavaBlock(i, close);
      }
      i = close;
    }
  }

  private void checkJavaBlock(int open, int close) throws IOException {
    String marker = open == 0 ? "" : readme.get(open - 1).strip();
    if (marker.startsWith(CONSUMER_IT) && marker.endsWith(END)) {
      return;
    }
    if (!marker.startsWith(SNIPPET) || !marker.endsWith(END)) {
      report(open, "this java block has no marker: put <!-- snippet: PATH --> on the line before"
          + " it, PATH being the compiled source file (relative to the repository root) that"
          + " holds the block's lines");
      return;
    }
    String path = marker.substring(SNIPPET.length(), marker.length() - END.length()).strip();
    Matcher source = SOURCE.matcher(path);
    if (!source.matches() || path.contains("..") || !modules.contains(source.group(1))) {
      report(open, "snippet " + path + " is not a source file the build compiles: it must be"
          + " MODULE/src/main/java/....java or MODULE/src/test/java/....java, MODULE being a"
          + " <module> of pom.xml");
      return;
    }
    Path file = root.resolve(path);
    if (!Files.isRegularFile(file)) {
      report(open, "snippet " + path + " does not exist");
      return;
    }
    List<Line> block = nonBlank(readme.subList(open + 1, close), open + 2);
    if (block.isEmpty()) {
      report(open, "this java block is empty");
      return;
    }
    checkQuoted(open, path, block, nonBlank(Files.readAllLines(file, StandardCharsets.UTF_8), 1));
  }

  /** Reports the block's first line that differs from the file where most of it matches. */
  private void checkQuoted(int open, String path, List<Line> block, List<Line> file) {
    int bestStart = -1;
    int bestLength = 0;
    for (int start = 0; start < file.size(); start++) {
      int length = 0;
      while (length < block.size()
          && start + length < file.size()
          && block.get(length).text().equals(file.get(start + length).text())) {
        length++;
      }
      if (length == block.size()) {
        return;
      }
      if (length > bestLength) {
        bestStart = start;
        bestLength = length;
      }
    }
    Line differing = block.get(bestLength);
    String where = "the java block that opens at line " + (open + 1) + " is not in " + path + ": ";
    String why;
    if (bestStart < 0) {
      why = "its first line \"" + differing.text() + "\" is nowhere in it";
    } else if (bestStart + bestLength == file.size()) {
      why = "the file ends before \"" + differing.text() + "\"";
    } else {
      Line there = file.get(bestStart + bestLength);
      why = "\"" + differing.text() + "\" differs from line " + there.number() + " there, \""
          + there.text() + "\"";
    }
    report(differing.number() - 1, where + why);
  }

  private boolean isFence(int index, String language) {
    return index < readme.size()
        && readme.get(index).strip().startsWith(FENCE)
        && readme.get(index).strip().substring(FENCE.length()).strip().equals(language);
  }

  private void report(int index, String problem) {
    problems.add("README.md line " + (index + 1) + ": " + problem);
  }

  /** The non-blank lines of {@code lines}, stripped, numbered from {@code firstNumber}. */
  private static List<Line> nonBlank(List<String> lines, int firstNumber) {
    List<Line> kept = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        kept.add(new Line(firstNumber + i, lines.get(i).strip()));
      }
    }
    return kept;
  }
}

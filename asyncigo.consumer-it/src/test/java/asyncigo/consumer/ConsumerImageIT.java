package asyncigo.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * This project is a user's project, and the README's "Using it" section is its instructions: the
 * README's pom blocks are in this pom, its module-info is this module-info, and its commands,
 * run here after {@code package}, link an image with both pollers that runs on epoll, and run
 * the same jars on the module path and the class path.
 */
class ConsumerImageIT {
  private static final String BEST_POLLER =
      System.getProperty("os.name").startsWith("Linux") ? "epoll" : "nio";

  /** What {@code my.app.Transports} prints, on every poller. */
  private static final String TRANSPORT_LINES =
      """
      unix echo: hello
      udp echo: ping
      stdout: out
      stderr: err
      exit code: 3
      got signal USR1
      """;

  /** The README's jlink command and the image's launcher, run once for all the tests. */
  private static Shell.Result linkAndRun;

  @BeforeAll
  static void linkTheImageWithTheReadmeCommand() throws IOException, InterruptedException {
    deleteRecursively(Path.of("target/image")); // jlink refuses an existing output folder
    linkAndRun = Shell.run(ReadmeBlocks.single("runs this block, expects \"poller: epoll\""));
  }

  @Test
  void theReadmePomBlocksAreInThisPom() throws IOException {
    // Lines this check needs and a user does not (its own test dependency) say so.
    String pom =
        squeeze(
            Files.readAllLines(Path.of("pom.xml"), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.endsWith("<!-- not in the README -->"))
                .collect(Collectors.joining("\n")));
    List<ReadmeBlocks.Block> blocks = ReadmeBlocks.marked("pom.xml contains this block");

    assertEquals(2, blocks.size(), "the dependencies and the plugin");
    for (ReadmeBlocks.Block block : blocks) {
      assertTrue(pom.contains(squeeze(block.text())), () -> "not in pom.xml:\n" + block.text());
    }
  }

  @Test
  void theReadmeModuleInfoIsThisModuleInfo() throws IOException {
    assertEquals(
        ReadmeBlocks.single("src/main/java/module-info.java is this block"),
        Files.readString(Path.of("src/main/java/module-info.java"), StandardCharsets.UTF_8));
  }

  @Test
  void theImageLinkedByTheReadmeCommandRunsOnTheBestPollerWithoutAWarning() {
    assertEquals(0, linkAndRun.exitCode(), linkAndRun::toString);
    assertEquals("poller: " + BEST_POLLER + "\n", linkAndRun.stdout(), linkAndRun::toString);
    assertEquals("", linkAndRun.stderr());
  }

  @Test
  void theImageHoldsTheLoopBothPollersAndTheJnrStubs() throws Exception {
    Shell.Result modules = Shell.run("target/image/bin/java --list-modules");

    assertEquals(0, modules.exitCode(), modules::toString);
    for (String module :
        List.of("asyncigo.api", "asyncigo.loop", "asyncigo.poll.nio", "asyncigo.poll.epoll",
            "org.jnrproject.jffi", "org.jnrproject.jffi.nativelibs", "org.slf4j.simple")) {
      assertTrue(modules.stdout().lines().anyMatch(line -> line.startsWith(module + "@")
          || line.equals(module)), () -> module + " is not in the image:\n" + modules);
    }
  }

  @Test
  void theImageRunsOnNioWhenTheReadmePropertyForcesIt() throws Exception {
    Shell.Result nio =
        Shell.run("target/image/bin/java -Dasyncigo.poller=nio -m my.app/my.app.Main");

    assertEquals(0, nio.exitCode(), nio::toString);
    assertEquals("poller: nio\n", nio.stdout());
    assertEquals("", nio.stderr());
  }

  @Test
  void theReadmeCommandsRunTheSameJarsOnTheModulePathAndOnTheClassPath() throws Exception {
    Shell.Result runs =
        Shell.run(ReadmeBlocks.single("runs this block, expects \"poller: epoll\" twice"));

    assertEquals(0, runs.exitCode(), runs::toString);
    assertEquals(("poller: " + BEST_POLLER + "\n").repeat(2),
        runs.stdout(), runs::toString);
    assertEquals("", runs.stderr());
  }

  @Test
  void theImageRunsUnixSocketsUdpChildProcessesAndSignalsOnBothPollers() throws Exception {
    for (String poller : List.of(BEST_POLLER, "nio")) {
      Shell.Result run = Shell.run(
          "target/image/bin/java -Dasyncigo.poller=" + poller + " -m my.app/my.app.Transports");

      assertEquals(0, run.exitCode(), run::toString);
      assertEquals(TRANSPORT_LINES, run.stdout(), run::toString);
      assertEquals("", run.stderr());
    }
  }

  @Test
  void theTransportsRunOnTheClassPathToo() throws Exception {
    Shell.Result run = Shell.run("java --enable-native-access=ALL-UNNAMED"
        + " --add-opens=java.base/java.lang=ALL-UNNAMED"
        + " --add-exports=java.base/jdk.internal.vm=ALL-UNNAMED"
        + " -cp 'target/modules/*:target/my-app.jar' my.app.Transports");

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(TRANSPORT_LINES, run.stdout(), run::toString);
    assertEquals("", run.stderr());
  }

  /** The text with every run of whitespace, and whitespace between tags, taken out. */
  private static String squeeze(String xml) {
    return xml.replaceAll(">\\s+<", "><").replaceAll("\\s+", " ").strip();
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}

package asyncigo.examples.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs {@code asyncigo examples} from the jlink image that {@code package} linked (failsafe runs
 * this after it) on each poller, and checks the lines the examples of Unix sockets, UDP,
 * subprocesses and signals print there.
 */
class DemoImageIT {
  private static final Path IMAGE = Path.of("target/image");

  /** Each example's exact output in the image, by the heading {@code asyncigo examples} prints. */
  private static final Map<String, String> EXPECTED = Map.of(
      "UnixSocketExample", "unix echo: hello\n",
      "UdpExample", "udp echo: ping\n",
      "SubprocessExample", "stdout: out\nstderr: err\nexit code: 3\n",
      "SignalExample", "got signal USR1\n");

  @ParameterizedTest
  @ValueSource(strings = {"epoll", "nio"})
  void theImagePrintsTheTransportExamplesLinesOnEachPoller(String poller) throws Exception {
    assertTrue(Files.isExecutable(IMAGE.resolve("bin/java")), "no image at " + IMAGE);
    Process process = new ProcessBuilder(
            IMAGE.resolve("bin/java").toString(), "-Dasyncigo.poller=" + poller,
            "-m", "asyncigo.examples/asyncigo.examples.demo.Demo", "examples")
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "asyncigo examples did not end");

    assertEquals(0, process.exitValue(), stdout);
    Map<String, String> sections = sections(stdout);
    for (Map.Entry<String, String> example : EXPECTED.entrySet()) {
      assertEquals(example.getValue(), sections.get(example.getKey()), example.getKey());
    }
  }

  /** The output split at its {@code == NAME} headings: each example's lines, by name. */
  private static Map<String, String> sections(String stdout) {
    Map<String, String> sections = new LinkedHashMap<>();
    String name = null;
    for (String line : stdout.lines().toList()) {
      if (line.startsWith("== ")) {
        name = line.substring(3);
        sections.put(name, "");
      } else if (name != null) {
        sections.merge(name, line + "\n", String::concat);
      }
    }
    return sections;
  }
}

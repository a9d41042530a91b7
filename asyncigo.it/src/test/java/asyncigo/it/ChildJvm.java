package asyncigo.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Launches {@link PollerReport} in a child JVM on a module path and no class path: the
 * runtime module path of this module (system property {@code asyncigo.it.modulePath}, set by the
 * build), optionally without the jar of one module.
 */
final class ChildJvm {
  private static final long TIMEOUT_SECONDS = 60;

  private ChildJvm() {}

  /** What the child printed and how it exited. */
  record Result(int exitCode, String stdout, String stderr) {
    /** The value of the {@code key=value} line of standard output, failing if there is none. */
    String value(String key) {
      return stdout.lines()
          .filter(line -> line.startsWith(key + "="))
          .map(line -> line.substring(key.length() + 1))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no '" + key + "=' line in:\n" + this));
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
  }

  /** The full runtime module path, as the build gives it. */
  static List<Path> modulePath() {
    String path = System.getProperty("asyncigo.it.modulePath");
    if (path == null || path.isBlank()) {
      fail("system property asyncigo.it.modulePath is not set: run the tests through Maven");
    }
    return Arrays.stream(path.split(File.pathSeparator))
        .filter(entry -> !entry.isBlank())
        .map(Path::of)
        .toList();
  }

  /** {@code path} without the entry that holds module {@code name}, which must be in it. */
  static List<Path> without(List<Path> path, String name) {
    Optional<Path> location =
        ModuleFinder.of(path.toArray(Path[]::new))
            .find(name)
            .flatMap(ModuleReference::location)
            .map(Path::of);
    assertTrue(location.isPresent(), () -> "module " + name + " is not on " + path);
    List<Path> rest = new ArrayList<>(path);
    assertTrue(rest.remove(location.get()), () -> location.get() + " is not an entry of " + path);
    return rest;
  }

  /** Runs {@code java [jvmOptions] --module-path path -m asyncigo.it/asyncigo.it.PollerReport}. */
  static Result pollerReport(List<Path> path, String... jvmOptions)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(jvmOptions));
    command.add("--module-path");
    command.add(String.join(File.pathSeparator, path.stream().map(Path::toString).toList()));
    command.add("-m");
    command.add("asyncigo.it/" + PollerReport.class.getName());
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("CLASSPATH");
    builder.environment().remove("JDK_JAVA_OPTIONS");
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    Path stdout = Files.createTempFile("poller-report", ".out");
    Path stderr = Files.createTempFile("poller-report", ".err");
    try {
      Process process =
          builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        fail("the child JVM did not end within " + TIMEOUT_SECONDS + " s: " + command);
      }
      return new Result(
          process.exitValue(),
          Files.readString(stdout, StandardCharsets.UTF_8),
          Files.readString(stderr, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(stdout);
      Files.deleteIfExists(stderr);
    }
  }
}

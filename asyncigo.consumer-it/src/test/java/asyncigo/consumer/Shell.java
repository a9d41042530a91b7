package asyncigo.consumer;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs README commands with {@code sh -e} in this project's folder, as a user would type them:
 * {@code java} and {@code jlink} are the build's JDK (first on {@code PATH}), and no Java options
 * leak in from the environment.
 */
final class Shell {
  private static final long TIMEOUT_SECONDS = 120;

  private Shell() {}

  /** What the commands printed and how the shell exited. */
  record Result(int exitCode, String stdout, String stderr) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
  }

  static Result run(String script) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder("sh", "-e", "-c", script);
    Map<String, String> env = builder.environment();
    Path jdkBin = Path.of(System.getProperty("java.home"), "bin");
    env.put("PATH", jdkBin + File.pathSeparator + env.getOrDefault("PATH", ""));
    env.remove("CLASSPATH");
    env.remove("JDK_JAVA_OPTIONS");
    env.remove("JAVA_TOOL_OPTIONS");
    Path stdout = Files.createTempFile("consumer-it", ".out");
    Path stderr = Files.createTempFile("consumer-it", ".err");
    try {
      Process process =
          builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        fail("the commands did not end within " + TIMEOUT_SECONDS + " s:\n" + script);
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

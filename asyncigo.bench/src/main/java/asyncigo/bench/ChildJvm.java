package asyncigo.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A measurement run in a JVM of its own, the way a user would start it: this JVM's {@code java}
 * binary with the flags every engine may need (the carrier engine's opening, the Continuation
 * export, native access for epoll) and the given ones, on the given class path. Used by {@link
 * Issue12Report} for what JMH cannot measure: heap per sleeping task and a whole example's time.
 */
final class ChildJvm {
  private ChildJvm() {}

  static final List<String> ENGINE_FLAGS =
      List.of(
          LoopBenchmarkFork.OPEN_JAVA_LANG,
          LoopBenchmarkFork.EXPORT_CONTINUATION,
          LoopBenchmarkFork.NATIVE_ACCESS);

  /** How a child ended: its exit status, standard output and wall-clock time. */
  record Outcome(int exitStatus, String output, long nanos) {
    double seconds() {
      return nanos / 1e9;
    }
  }

  /**
   * Runs {@code mainClass} with {@code args} in a new JVM with {@code flags} besides {@link
   * #ENGINE_FLAGS}, on {@code classPath}; echoes its output, indented, and waits for its end.
   */
  static Outcome run(List<String> flags, String classPath, String mainClass, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(ENGINE_FLAGS);
    command.addAll(flags);
    command.addAll(List.of("-cp", classPath, mainClass));
    command.addAll(List.of(args));
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int status = process.waitFor();
    long nanos = System.nanoTime() - start;
    output.lines().forEach(line -> System.out.println("    " + line));
    return new Outcome(status, output, nanos);
  }
}

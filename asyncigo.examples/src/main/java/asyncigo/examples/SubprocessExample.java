package asyncigo.examples;

import static java.nio.charset.StandardCharsets.UTF_8;

import asyncigo.api.Loop;
import asyncigo.api.process.Subprocess;
import java.io.PrintStream;

/**
 * A child process with its output, its error stream and its exit code (asyncio's {@code
 * create_subprocess_exec}): runs {@code sh -c 'echo out; echo err >&2; exit 3'} and prints
 *
 * <pre>
 * stdout: out
 * stderr: err
 * exit code: 3
 * </pre>
 */
public final class SubprocessExample {
  private SubprocessExample() {}

  public static void main(String[] args) {
    run(new PrintStream(System.out, true, UTF_8));
  }

  /** Runs the child on a new loop and prints what it wrote and how it ended. */
  public static void run(PrintStream out) {
    try (Loop loop = Loop.open()) {
      loop.run(() -> {
        // The README quotes from here to the println of the exit code.
        Subprocess child = loop.exec("sh", "-c", "echo out; echo err >&2; exit 3");
        String stdout = child.stdout().text(UTF_8).readLine();   // "out"
        String stderr = child.stderr().text(UTF_8).readLine();   // "err"
        int exitCode = child.waitFor();                          // suspends this task only
        out.println("stdout: " + stdout);
        out.println("stderr: " + stderr);
        out.println("exit code: " + exitCode);
        child.stdout().close();
        child.stderr().close();
        child.stdin().close();
        return null;
      });
    }
  }
}

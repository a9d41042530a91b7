package asyncigo.examples;

import static java.nio.charset.StandardCharsets.UTF_8;

import asyncigo.api.Loop;
import asyncigo.api.LoopOptions;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.Server;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An echo server on a Unix domain socket in a temporary folder, and a client that sends one line.
 * The server deletes its socket file when it closes; the example then deletes the folder.
 *
 * <pre>
 * unix echo: hello
 * </pre>
 */
public final class UnixSocketExample {
  private UnixSocketExample() {}

  public static void main(String[] args) throws IOException {
    run(System.out);
  }

  /** Runs the example. */
  public static void run(PrintStream out) throws IOException {
    run(out, LoopOptions.defaults());
  }

  /** Runs the example on a loop opened with {@code options}. */
  public static void run(PrintStream out, LoopOptions options) throws IOException {
    Path folder = Files.createTempDirectory("asyncigo-unix");
    try (Loop loop = Loop.open(options)) {
      loop.run(
          () -> {
            Path path = folder.resolve("echo.sock");
            Server server = loop.listenUnix(path, stream -> {
              byte[] line;
              while ((line = stream.readLine()) != null) {
                stream.write(line);
              }
            });
            try (AsyncStream conn = loop.connectUnix(path)) {
              conn.write("hello\n".getBytes(UTF_8));
              out.print("unix echo: " + new String(conn.readLine(), UTF_8));   // unix echo: hello
            }
            server.closeAll();                    // also deletes the socket file
            return null;
          });
    } finally {
      Files.delete(folder);
    }
  }
}

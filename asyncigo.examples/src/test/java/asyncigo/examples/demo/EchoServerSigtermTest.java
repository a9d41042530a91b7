package asyncigo.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code echo-server} in a process of its own, stopped by a real SIGTERM (which {@link
 * ProcessHandle#destroy()} sends): it stops accepting, gives the open connection the grace, closes
 * it and exits with 0.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EchoServerSigtermTest {
  private static final Pattern LISTENING =
      Pattern.compile("listening on /127\\.0\\.0\\.1:(\\d+); Ctrl-C stops");

  @ParameterizedTest(name = "server on {0}")
  @ValueSource(strings = {"nio", "epoll"})
  void sigtermShutsTheServerDownAfterTheGraceAndExitsWithZero(String poller) throws Exception {
    Process server =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=org.jnrproject.jffi",
                "--module-path", System.getProperty("jdk.module.path"),
                "-m", "asyncigo.examples/asyncigo.examples.demo.Demo",
                "echo-server", "--port", "0", "--grace", "1", "--poller", poller)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
      String listening = out.readLine();
      Matcher port = LISTENING.matcher(String.valueOf(listening));
      assertTrue(port.matches(), listening);
      try (Socket client = new Socket("127.0.0.1", Integer.parseInt(port.group(1)))) {
        client.setSoTimeout(20_000);
        client.getOutputStream().write("ping".getBytes(StandardCharsets.UTF_8));
        assertEquals("ping", new String(client.getInputStream().readNBytes(4)));

        server.toHandle().destroy(); // SIGTERM; Process.destroy() would also close its output

        assertEquals(-1, client.getInputStream().read(), "closed after the grace");
      }
      List<String> rest = out.lines().toList(); // until the server's output ends
      assertTrue(server.waitFor(20, TimeUnit.SECONDS), "the server exited");
      assertEquals(
          List.of(
              "shutting down (SIGTERM): 1 connection, grace 1s",
              "stopped; closed 1 connection still open after the grace"),
          rest);
      assertEquals(0, server.exitValue());
    } finally {
      server.destroyForcibly().waitFor();
    }
  }
}

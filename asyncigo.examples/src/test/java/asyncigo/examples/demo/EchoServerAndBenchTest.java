package asyncigo.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code echo-server} and {@code echo-bench} together, in process, over loopback: each runs its
 * own loop on its own thread, as two processes would.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EchoServerAndBenchTest {
  private static final Duration STARTUP = Duration.ofSeconds(20);
  private static final Pattern LISTENING =
      Pattern.compile("listening on /127\\.0\\.0\\.1:(\\d+); .*");
  private static final Pattern TOTAL =
      Pattern.compile(
          "([\\d,]+) round trips in [\\d.]+ s: [\\d,]+ round trips/s, [\\d.,]+ MB/s each way");

  private final CapturedConsole serverConsole = new CapturedConsole();
  private CompletableFuture<Integer> server;

  private int startServer(String poller, String... more) throws InterruptedException {
    List<String> args =
        new ArrayList<>(List.of("echo-server", "--port", "0", "--grace", "0", "--poller", poller));
    args.addAll(List.of(more));
    server =
        CompletableFuture.supplyAsync(
            () -> Demo.standard().run(args, serverConsole.console),
            command -> new Thread(command, "echo-server").start());
    Matcher listening = LISTENING.matcher(serverConsole.awaitOutLine("listening on ", STARTUP));
    assertTrue(listening.matches(), listening::toString);
    return Integer.parseInt(listening.group(1));
  }

  private int stopServer() throws Exception {
    serverConsole.interrupt();
    return server.get(10, TimeUnit.SECONDS);
  }

  @ParameterizedTest(name = "server on {0}")
  @ValueSource(strings = {"nio", "epoll"})
  void theBenchDrivesTheServerAndReportsEachSecondAndTheTotal(String poller) throws Exception {
    int port = startServer(poller);
    CapturedConsole bench = new CapturedConsole();

    int benchExit =
        Demo.standard()
            .run(
                List.of(
                    "echo-bench", "--port", String.valueOf(port), "--connections", "4",
                    "--size", "100", "--seconds", "2"),
                bench.console);

    assertEquals(0, benchExit, bench::err);
    List<String> lines = bench.out().lines().toList();
    assertEquals("4 connections to 127.0.0.1:" + port + ", 100-byte messages, 2 s", lines.get(0));
    assertTrue(lines.get(1).startsWith("  second 1: "), bench.out());
    assertTrue(lines.get(2).startsWith("  second 2: "), bench.out());
    Matcher total = TOTAL.matcher(lines.get(3));
    assertTrue(total.matches(), bench.out());
    assertTrue(Long.parseLong(total.group(1).replace(",", "")) > 0, bench.out());
    assertEquals(4, lines.size(), bench.out());
    assertTrue(serverConsole.err().startsWith("# poller " + poller + " "), serverConsole.err());

    // The bench has closed its connections; the server may not have seen all of them end yet.
    assertEquals(0, stopServer());
    assertTrue(
        serverConsole.out().matches(
            "(?s).*\nshutting down \\(SIGTERM\\): \\d+ connections?, grace 0s\n"
                + "stopped; closed \\d+ connections? still open after the grace\n"),
        serverConsole.out());
  }

  @ParameterizedTest(name = "server on {0}")
  @ValueSource(strings = {"nio", "epoll"})
  void withTwoLoopsTheBannerSaysSoAndTheConnectionsOfBothLoopsAreClosedByAnInterrupt(
      String poller) throws Exception {
    int port = startServer(poller, "--loops", "2");
    String banner = serverConsole.err().lines().findFirst().orElseThrow();
    assertTrue(
        banner.matches("# poller " + poller + " \\(.*\\) on 2 loops, each Loop\\[.*"), banner);
    List<Socket> clients = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        Socket client = new Socket("127.0.0.1", port);
        client.setSoTimeout(10_000);
        clients.add(client);
        client.getOutputStream().write(("ping " + i).getBytes());
        assertEquals("ping " + i, new String(client.getInputStream().readNBytes(6)));
      }

      assertEquals(0, stopServer());

      for (Socket client : clients) {
        assertEquals(-1, client.getInputStream().read(), "the server closed the connection");
      }
      assertTrue(
          serverConsole.out().endsWith(
              "shutting down (SIGTERM): 8 connections, grace 0s\n"
                  + "stopped; closed 8 connections still open after the grace\n"), serverConsole.out());
    } finally {
      for (Socket client : clients) {
        client.close();
      }
    }
  }

  @ParameterizedTest(name = "server on {0}")
  @ValueSource(strings = {"nio", "epoll"})
  void anInterruptClosesTheOpenConnectionsAndEndsTheServer(String poller) throws Exception {
    int port = startServer(poller);
    try (Socket client = new Socket("127.0.0.1", port)) {
      client.setSoTimeout(10_000);
      OutputStream toServer = client.getOutputStream();
      InputStream fromServer = client.getInputStream();
      toServer.write("ping".getBytes());
      assertEquals("ping", new String(fromServer.readNBytes(4)));

      assertEquals(0, stopServer());

      assertEquals(-1, fromServer.read(), "the server closed the connection");
      assertTrue(
          serverConsole.out().endsWith(
              "shutting down (SIGTERM): 1 connection, grace 0s\n"
                  + "stopped; closed 1 connection still open after the grace\n"), serverConsole.out());
    }
  }
}

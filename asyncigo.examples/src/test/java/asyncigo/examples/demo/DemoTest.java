package asyncigo.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line: dispatch, help, usage errors and exit codes. */
class DemoTest {
  private final CapturedConsole captured = new CapturedConsole();

  private int run(String... args) {
    return Demo.standard().run(List.of(args), captured.console);
  }

  @Test
  void withoutArgumentsTheOverviewGoesToStandardErrorWithExitCode2() {
    assertEquals(2, run());
    assertTrue(captured.err().startsWith("usage: asyncigo <command> [flags]"), captured.err());
    assertEquals("", captured.out());
  }

  @Test
  void helpListsEveryCommandWithItsSummary() {
    assertEquals(0, run("--help"));

    for (String command : List.of("examples", "echo-server", "echo-bench", "lines")) {
      assertTrue(captured.out().contains("\n  " + command + " "), captured::out);
    }
  }

  @Test
  void aCommandsHelpShowsItsUsageLineAndExplainsEachFlagWithItsDefault() {
    assertEquals(0, run("echo-bench", "--help"));

    String help = captured.out();
    assertTrue(
        help.startsWith(
            "usage: asyncigo echo-bench [--host HOST] [--port PORT] [--connections N]"
                + " [--size BYTES] [--seconds S] [--tls] [--fingerprint SHA256]"
                + " [--poller nio|epoll]\n"),
        help);
    assertTrue(help.contains("--connections N"), help);
    assertTrue(help.contains("(default 10)"), help);
    assertTrue(help.contains("(default 1024)"), help);
  }

  @Test
  void theEchoServerHelpShowsTheLoopsFlagWithItsDefault() {
    assertEquals(0, run("echo-server", "--help"));

    String help = captured.out();
    assertTrue(
        help.startsWith(
            "usage: asyncigo echo-server [--host HOST] [--port PORT] [--loops N] [--grace S] [--tls]"
                + " [--cert FILE] [--key FILE] [--poller nio|epoll]\n"),
        help);
    assertTrue(
        help.contains(
            "--loops N              loops serving connections, each on a thread of its own"
                + " (default 1)"),
        help);
  }

  @Test
  void aLoopCountBelowOneIsAUsageError() {
    assertEquals(2, run("echo-server", "--loops", "0"));

    assertTrue(
        captured.err().startsWith(
            "asyncigo echo-server: --loops must be an integer from 1 to 1024, not '0'"),
        captured.err());
  }

  @Test
  void theLinesHelpShowsItsOperands() {
    assertEquals(0, run("lines", "-h"));

    assertTrue(
        captured.out().startsWith("usage: asyncigo lines [--poller nio|epoll] HOST:PORT...\n"),
        captured.out());
  }

  @Test
  void anUnknownCommandIsAUsageError() {
    assertEquals(2, run("echo-servr"));

    assertEquals(
        "asyncigo: unknown command 'echo-servr'\nRun 'asyncigo --help' for usage.\n",
        captured.err());
  }

  @Test
  void anUnknownFlagIsAUsageErrorOfItsCommand() {
    assertEquals(2, run("echo-server", "--prot", "1"));

    assertEquals(
        "asyncigo echo-server: unknown flag --prot\nRun 'asyncigo echo-server --help' for usage.\n",
        captured.err());
  }

  @Test
  void aBadFlagValueIsAUsageError() {
    assertEquals(2, run("echo-bench", "--connections", "0"));

    assertTrue(
        captured.err().startsWith("asyncigo echo-bench: --connections must be an integer from 1"),
        captured.err());
  }

  @Test
  void anUnknownPollerIsAUsageError() {
    assertEquals(2, run("echo-server", "--poller", "kqueue"));

    assertTrue(
        captured.err().startsWith("asyncigo echo-server: --poller must be one of nio, epoll"),
        captured.err());
  }

  @Test
  void aCommandWithoutOperandsRejectsOne() {
    assertEquals(2, run("examples", "extra"));

    assertTrue(captured.err().startsWith("asyncigo examples: unexpected argument 'extra'"));
  }

  @Test
  void linesNeedsAtLeastOneAddress() {
    assertEquals(2, run("lines"));

    assertTrue(captured.err().startsWith("asyncigo lines: give at least one HOST:PORT"));
  }

  @Test
  void linesRejectsAnAddressWithoutAValidPort() {
    assertEquals(2, run("lines", "localhost:99999"));
    assertEquals(2, run("lines", "localhost"));

    assertTrue(
        captured.err().contains("the port of 'localhost:99999' must be from 1 to 65535"),
        captured.err());
    assertTrue(captured.err().contains("'localhost' is not HOST:PORT"), captured.err());
  }

  @Test
  void aFailureOfTheCommandIsReportedOnOneLineWithExitCode1() throws IOException {
    assertEquals(1, run("echo-bench", "--port", String.valueOf(closedPort()), "--seconds", "1"));

    String lastLine = captured.err().strip().lines().reduce((a, b) -> b).orElseThrow();
    assertTrue(lastLine.startsWith("asyncigo echo-bench: ConnectException: "), captured.err());
  }

  @Test
  void aCommandFirstPrintsThePollerAndEngineItsLoopRunsOnEvenIfItThenFails() throws IOException {
    assertEquals(1, run("lines", "127.0.0.1:" + closedPort()));

    String banner = captured.err().lines().findFirst().orElseThrow();
    assertTrue(banner.startsWith("# poller "), captured.err());
    assertTrue(banner.contains(" engine "), captured.err());
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

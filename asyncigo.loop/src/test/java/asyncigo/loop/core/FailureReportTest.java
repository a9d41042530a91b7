package asyncigo.loop.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.Loop;
import asyncigo.api.LoopOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the default exception handler logs (through slf4j-simple, on standard error) for a task
 * failure nobody retrieved: the report's message once, then the exception.
 */
class FailureReportTest {

  @Test
  void theDefaultReportOfAForgottenTaskNamesTheTaskOnce() {
    List<String> lines = reportOfAnUnobservedFailure(LoopOptions.defaults().virtualTime(true));
    assertTrue(lines.size() > 1, "the exception follows: " + lines);
    assertEquals(
        "ERROR asyncigo.loop - Task exception was never retrieved: task forgotten",
        lines.get(0).substring(lines.get(0).indexOf("ERROR")));
    assertEquals("java.lang.IllegalStateException: nobody asked", lines.get(1));
  }

  @Test
  void inDebugModeTheDefaultReportNamesTheTaskAndWhereItWasCreatedOnce() {
    List<String> lines =
        reportOfAnUnobservedFailure(LoopOptions.defaults().virtualTime(true).debug(true));
    String report = lines.get(0).substring(lines.get(0).indexOf("ERROR"));
    String prefix =
        "ERROR asyncigo.loop - Task exception was never retrieved: task forgotten (created at ";
    assertTrue(report.startsWith(prefix), report);
    assertTrue(report.endsWith(")"), report);
    assertTrue(report.contains(FailureReportTest.class.getName() + ".lambda$"), report);
    assertEquals(report.indexOf("forgotten"), report.lastIndexOf("forgotten"), report);
    assertEquals(report.indexOf("created at"), report.lastIndexOf("created at"), report);
  }

  /** The lines logged on standard error while a loop runs a task that fails unobserved. */
  private static List<String> reportOfAnUnobservedFailure(LoopOptions options) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try (Loop loop = Loop.open(options)) {
      loop.run(
          () -> {
            loop.spawn(
                "forgotten",
                () -> {
                  throw new IllegalStateException("nobody asked");
                });
            loop.yieldNow();
            loop.yieldNow();
            return null;
          });
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8).lines().toList();
  }
}

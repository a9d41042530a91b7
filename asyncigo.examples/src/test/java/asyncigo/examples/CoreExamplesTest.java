package asyncigo.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import asyncigo.api.LoopOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every line of the issue-2 examples, on virtual time where wall time does not matter. */
class CoreExamplesTest {
  private static final LoopOptions VIRTUAL = LoopOptions.defaults().virtualTime(true);

  interface Example {
    void run(PrintStream out) throws Exception;
  }

  static List<String> linesOf(Example example) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      example.run(out);
    }
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void tasksExampleInterleavesTheTwoTasks() throws Exception {
    assertEquals(
        List.of(
            "in main task: 0",
            "in subtask: 0",
            "in main task: 1",
            "in subtask: 1",
            "in main task: 2",
            "in subtask: 2",
            "task result: 42"),
        linesOf(out -> TasksExample.run(out, VIRTUAL)));
  }

  @Test
  void waitExampleReportsTheResultsAndTheError() throws Exception {
    assertEquals(
        List.of("results: test 20", "error: oops"),
        linesOf(out -> WaitExample.run(out, VIRTUAL)));
  }

  @Test
  void cancelExampleCancelsEveryAwaitFromTheFifthOn() throws Exception {
    assertEquals(
        List.of(
            "0: 0", "1: 1", "2: 2", "3: 3", "4: 4", "5: cancelled", "6: cancelled",
            "7: cancelled", "8: cancelled", "9: cancelled", "task result: cancelled"),
        linesOf(out -> CancelExample.run(out, VIRTUAL)));
  }

  @Test
  void shieldExampleLeavesOnlyTheShieldedFutureRunning() throws Exception {
    assertEquals(
        List.of(
            "waiting for shielded...",
            "waiting for unshielded...",
            "task1: cancelled",
            "task2: cancelled",
            "shielded: not cancelled",
            "unshielded: cancelled"),
        linesOf(out -> ShieldExample.run(out, VIRTUAL)));
  }

  @Test
  void polyglotExampleRunsAHundredConcurrentSleeps() throws Exception {
    assertEquals(
        List.of("100 tasks took 2 seconds to finish"),
        linesOf(out -> PolyglotExample.run(out, VIRTUAL, Duration.ofMillis(1))));
  }

  @Test
  void theCancelAndShieldExamplesPrintTheSameOnARealLoop() throws Exception {
    assertEquals(
        linesOf(out -> CancelExample.run(out, VIRTUAL)), linesOf(CancelExample::run));
    assertEquals(
        linesOf(out -> ShieldExample.run(out, VIRTUAL)), linesOf(ShieldExample::run));
  }

  @Test
  void spawnManyExampleCountsAMillionIncrementsWithoutLocks() throws Exception {
    assertEquals(List.of("1000000"), linesOf(out -> SpawnManyExample.run(out, VIRTUAL)));
  }
}

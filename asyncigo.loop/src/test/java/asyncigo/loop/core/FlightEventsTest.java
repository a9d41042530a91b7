package asyncigo.loop.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import asyncigo.api.Loop;
import asyncigo.api.LoopOptions;
import asyncigo.api.Task;
import asyncigo.api.UnhandledFailure;
import asyncigo.api.net.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loop's JFR events, recorded in-process and read back from the recording file. */
class FlightEventsTest {
  @TempDir Path dir;

  /** Runs a known program on a loop while recording every asyncigo event; returns its events. */
  private List<RecordedEvent> recordProgram(List<UnhandledFailure> unhandled) throws Exception {
    long loopId;
    try (Recording recording = new Recording()) {
      for (String name :
          List.of(
              "asyncigo.TaskCreated", "asyncigo.TaskStep", "asyncigo.TaskFinished",
              "asyncigo.SlowStep", "asyncigo.PollWait", "asyncigo.UnhandledFailure")) {
        recording.enable(name).withThreshold(Duration.ZERO);
      }
      recording.start();
      try (Loop loop =
          Loop.open(
              LoopOptions.defaults()
                  .virtualTime(true)
                  .slowThreshold(Duration.ofMillis(30))
                  .exceptionHandler(unhandled::add))) {
        loopId = ((RealLoop) loop).id;
        loop.run(
            () -> {
              loop.spawn("child", () -> { loop.sleep(Duration.ofMillis(10)); return null; }).await();
              loop.spawn("hog", () -> { Thread.sleep(60); loop.yieldNow(); return null; }).await();
              Pipe pipe = loop.pipe();
              Task<byte[]> reader = loop.spawn("reader", () -> pipe.source().readLine());
              loop.yieldNow();
              pipe.sink().write("x\n".getBytes(StandardCharsets.UTF_8)).await();
              reader.await();
              pipe.source().close();
              pipe.sink().close();
              loop.spawn("doomed", () -> { throw new IllegalStateException("boom"); });
              loop.yieldNow();
              return null;
            });
      }
      recording.stop();
      Path file = dir.resolve("loop.jfr");
      recording.dump(file);
      return RecordingFile.readAllEvents(file).stream()
          .filter(e -> e.getEventType().getName().startsWith("asyncigo."))
          .filter(e -> e.getLong("loop") == loopId)
          .toList();
    }
  }

  private static List<RecordedEvent> named(List<RecordedEvent> events, String name) {
    return events.stream().filter(e -> e.getEventType().getName().equals(name)).toList();
  }

  private static boolean stackHas(RecordedEvent e, String method) {
    return e.getStackTrace() != null
        && e.getStackTrace().getFrames().stream()
            .map(RecordedFrame::getMethod)
            .anyMatch(m -> m.getName().contains(method));
  }

  @Test
  void everyEventIsRecordedWithTheRightFields() throws Exception {
    List<UnhandledFailure> unhandled = new ArrayList<>();
    List<RecordedEvent> events = recordProgram(unhandled);

    Map<String, String> spawners = new TreeMap<>();
    for (RecordedEvent e : named(events, "asyncigo.TaskCreated")) {
      spawners.put(e.getString("task"), String.valueOf(e.getString("spawner")));
      if (!e.getString("task").equals("main")) {
        assertTrue(stackHas(e, "recordProgram"), "created in the program: " + e);
      }
    }
    assertEquals(
        Map.of("main", "null", "child", "main", "hog", "main", "reader", "main", "doomed", "main"),
        spawners);

    Map<String, String> outcomes = new TreeMap<>();
    for (RecordedEvent e : named(events, "asyncigo.TaskFinished")) {
      outcomes.put(e.getString("task"), e.getString("state") + " " + e.getString("failure"));
    }
    assertEquals(
        Map.of(
            "main", "SUCCEEDED null",
            "child", "SUCCEEDED null",
            "hog", "SUCCEEDED null",
            "reader", "SUCCEEDED null",
            "doomed", "FAILED java.lang.IllegalStateException: boom"),
        outcomes);

    // Steps: from each resume to the next suspension, on the task's own thread.
    Map<String, Long> steps =
        named(events, "asyncigo.TaskStep").stream()
            .collect(Collectors.groupingBy(e -> e.getString("task"), TreeMap::new, Collectors.counting()));
    assertEquals(Map.of("main", 6L, "child", 2L, "hog", 2L, "reader", 2L, "doomed", 1L), steps);
    // Each task's own thread, except on the continuation engine, where every task runs on the
    // loop's thread.
    String loopThread = Thread.currentThread().getName();
    boolean sharedThread = System.getProperty("asyncigo.engine").equals("continuation");
    for (RecordedEvent e : named(events, "asyncigo.TaskStep")) {
      assertEquals(sharedThread ? loopThread : e.getString("task"), e.getThread().getJavaName());
    }
    RecordedEvent hogStep =
        named(events, "asyncigo.TaskStep").stream()
            .filter(e -> e.getString("task").equals("hog"))
            .findFirst()
            .orElseThrow();
    assertTrue(hogStep.getDuration().toMillis() >= 60, hogStep.toString());

    RecordedEvent slow =
        named(events, "asyncigo.SlowStep").stream()
            .filter(e -> "hog".equals(e.getString("task")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no slow step of hog in " + events));
    assertTrue(slow.getDuration("took").toMillis() >= 60, slow.toString());
    assertEquals(Duration.ofMillis(30), slow.getDuration("threshold"));
    assertEquals(null, slow.getString("callback"));
    assertTrue(stackHas(slow, "yieldNow"), "the stack is where hog suspended: " + slow);

    // The driver makes every poll: one where the virtual clock jumps to child's timer, then one
    // that would block (timeout -1 ns: no timer left) and finds the pipe readable at once.
    List<String> polls =
        named(events, "asyncigo.PollWait").stream()
            .map(e -> "timeout " + e.getDuration("timeout").toNanos() + " ns, events " + e.getInt("events"))
            .toList();
    // On the carrier engine the JDK's recorder loses the driver's events after a task's (below).
    if (!System.getProperty("asyncigo.engine").equals("carrier")) {
      assertEquals(List.of("timeout 0 ns, events 0", "timeout -1 ns, events 1"), polls);
    }

    assertEquals(1, unhandled.size());
  }

  /**
   * The failure is reported on the thread that runs the loop, when {@code run} ends. On the
   * carrier engine the JDK drops the first event that thread commits after a task committed one
   * (it carries the tasks' virtual threads itself, which the JDK's recorder does not expect), so
   * the event is checked on the default engine only (see README, "Flight recorder events").
   */
  @Test
  void anUnhandledFailureIsRecordedWithItsMessageTaskAndStack() throws Exception {
    try (Loop probe = Loop.open()) {
      assumeTrue(
          probe.engine().chosen().equals("virtual"),
          "the carrier engine's driver loses its first event after a task's");
    }
    List<UnhandledFailure> unhandled = new ArrayList<>();
    List<RecordedEvent> failures = named(recordProgram(unhandled), "asyncigo.UnhandledFailure");
    assertEquals(1, failures.size());
    RecordedEvent failure = failures.get(0);
    assertEquals("Task exception was never retrieved: task doomed", failure.getString("message"));
    assertEquals("doomed", failure.getString("task"));
    assertEquals("java.lang.IllegalStateException: boom", failure.getString("exception"));
    assertTrue(
        failure.getString("exceptionStack").startsWith("java.lang.IllegalStateException: boom\n\tat "),
        failure.getString("exceptionStack"));
    assertEquals(1, unhandled.size());
  }
}

package asyncigo.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.Loop;
import asyncigo.api.process.Subprocess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Many processes in a row leak nothing: after {@link #processes()} runs of {@code true} (each with
 * its three pipes, through {@code communicate}) the process has as many open descriptors as before,
 * and none of those children is left a zombie (or alive) under this process. Runs through a
 * one-line subclass per backend.
 *
 * @since 0.1
 */
public abstract class SubprocessScaleContract extends TransportFixture {
  /** The system property that sets {@link #processes()}, for a longer run. */
  public static final String PROCESSES_PROPERTY = "asyncigo.tck.processes";

  /**
   * How many processes the test runs: {@code -Dasyncigo.tck.processes}, else 1,000.
   *
   * @return the number of processes
   */
  protected int processes() {
    return Integer.getInteger(PROCESSES_PROPERTY, 1000);
  }

  @Test
  public void manyProcessesInARowLeaveNoDescriptorOpenAndNoZombie() {
    Path fds = Path.of("/proc/self/fd");
    Assumptions.assumeTrue(Files.isDirectory(fds), "needs /proc/self/fd (Linux)");
    long me = ProcessHandle.current().pid();
    run(loop -> {
      runTrue(loop, 5); // warm-up: classes loaded, lazily opened descriptors opened
      long before = openDescriptors(fds);
      List<Long> pids = runTrue(loop, processes());
      eventually(loop, () -> openDescriptorsUnchecked(fds) <= before, "descriptors released");
      assertEquals(before, openDescriptors(fds), "open descriptors before and after");
      for (long pid : pids) {
        assertTrue(notOurChild(pid, me), "process " + pid + " was reaped");
      }
      return null;
    });
  }

  private static List<Long> runTrue(Loop loop, int times) throws IOException {
    List<Long> pids = new ArrayList<>(times);
    for (int i = 0; i < times; i++) {
      Subprocess p = loop.exec("true");
      assertEquals(0, p.communicate(null).exitCode());
      pids.add(p.pid());
    }
    return pids;
  }

  /** Whether {@code pid} is gone, or is now another process than a child of {@code me}. */
  private static boolean notOurChild(long pid, long me) throws IOException {
    String stat;
    try {
      stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    } catch (NoSuchFileException gone) {
      return true;
    }
    // "pid (comm) state ppid ...": comm may hold spaces, so read after its closing parenthesis.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[1]) != me;
  }
}

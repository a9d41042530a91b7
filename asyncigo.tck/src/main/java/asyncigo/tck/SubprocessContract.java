package asyncigo.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.CancelledException;
import asyncigo.api.Loop;
import asyncigo.api.LoopOptions;
import asyncigo.api.Task;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.process.ProcessResult;
import asyncigo.api.process.ProcessSpec;
import asyncigo.api.process.ProcessSpec.Redirect;
import asyncigo.api.process.Subprocess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The subprocess contract ({@link Loop#exec(ProcessSpec)}): exact output and exit codes, large
 * outputs on both streams, streamed input, signals, cancellation, the loop's close, a missing
 * program, and descriptors and zombies over many processes. Runs real processes ({@code sh},
 * {@code cat}, {@code sleep}, {@code tee}, {@code env}, {@code true}) through a one-line subclass
 * per backend, like {@link TransportContract}; {@link SubprocessScaleContract} has the many-process
 * test.
 *
 * @since 0.1
 */
public abstract class SubprocessContract extends TransportFixture {
  @Test
  public void aChildsOutputErrorAndExitCodeArriveExactly() {
    run(loop -> {
      Subprocess p = loop.exec("sh", "-c", "echo out; echo err >&2; exit 3");
      assertEquals("out\n", text(p.stdout().readAll()));
      assertEquals("err\n", text(p.stderr().readAll()));
      assertEquals(3, p.waitFor());
      assertEquals(Optional.of(3), p.exitCode());
      assertEquals(3, p.exit().await());
      return null;
    });
  }

  @Test
  public void communicateMovesEightMebibytesThroughBothOutputStreamsWithoutDeadlock() {
    byte[] input = new byte[8 << 20];
    new Random(13).nextBytes(input);
    run(loop -> {
      Subprocess p = loop.exec("sh", "-c", "tee /dev/stderr");
      ProcessResult result = p.communicate(input);
      assertEquals(0, result.exitCode());
      assertArrayEquals(input, result.stdout(), "stdout");
      assertArrayEquals(input, result.stderr(), "stderr");
      assertTrue(p.stdout().isClosed() && p.stderr().isClosed() && p.stdin().isClosed());
      return null;
    });
  }

  @Test
  public void linesWrittenToStdinComeBackOneByOneThroughCat() {
    run(loop -> {
      Subprocess p = loop.exec("cat");
      for (String line : List.of("one\n", "two\n", "three\n")) {
        p.stdin().write(bytes(line));
        p.stdin().drain();
        assertEquals(line, text(p.stdout().readLine()));
      }
      p.stdin().close();
      assertNull(p.stdout().readLine());
      assertEquals(0, p.waitFor());
      return null;
    });
  }

  @Test
  public void terminateEndsTheChildWithExitCode143AndKillWith137() {
    run(loop -> {
      Subprocess terminated = loop.exec("sleep", "60");
      Subprocess killed = loop.exec("sh", "-c", "trap '' TERM; cat");
      terminated.terminate();
      killed.kill();
      assertEquals(143, terminated.waitFor());
      assertEquals(137, killed.waitFor());
      terminated.kill(); // reaped: nothing is sent
      return null;
    });
  }

  @Test
  public void cancellingATaskThatAwaitsWaitForLeavesTheChildRunning() {
    run(loop -> {
      Subprocess p = loop.exec("cat");
      Task<Integer> waiter = loop.spawn(p::waitFor);
      untilSuspended(loop, waiter);
      waiter.cancel();
      assertThrows(CancelledException.class, waiter::await);
      loop.sleep(java.time.Duration.ofMillis(50));
      assertEquals(Optional.empty(), p.exitCode());
      assertTrue(ProcessHandle.of(p.pid()).map(ProcessHandle::isAlive).orElse(false));
      p.stdin().write(bytes("still here\n"));
      assertEquals("still here\n", text(p.stdout().readLine()));
      p.stdin().close();
      assertEquals(0, p.waitFor());
      return null;
    });
  }

  @Test
  public void closingTheLoopTerminatesKillsAndReapsTheChildrenItOwns() {
    Loop loop = Loop.open(LoopOptions.defaults().poller(pollerName()));
    List<Subprocess> children = loop.run(() -> List.of(
        loop.exec("sleep", "60"),
        loop.exec("sh", "-c", "trap '' TERM; echo ready; exec sleep 60")));
    loop.run(() -> children.get(1).stdout().readLine()); // the trap is set
    loop.close();
    assertEquals(Optional.of(143), children.get(0).exitCode(), "SIGTERM ended sleep");
    assertEquals(Optional.of(137), children.get(1).exitCode(), "SIGKILL ended the trapping sh");
    for (Subprocess child : children) {
      assertFalse(Files.exists(Path.of("/proc/" + child.pid())), child + " was reaped");
      assertTrue(child.stdout().isClosed(), child + "'s stdout was closed");
    }
  }

  @Test
  public void aProgramThatDoesNotExistFailsWithProcessBuildersMessage(@TempDir Path dir) {
    run(loop -> {
      IOException e = assertThrows(IOException.class, () -> loop.exec("asyncigo-no-such-program"));
      assertMessage("Cannot run program \"asyncigo-no-such-program\": ", e);
      ProcessSpec spec = ProcessSpec.of("asyncigo-no-such-program").directory(dir);
      e = assertThrows(IOException.class, () -> loop.exec(spec));
      assertMessage(
          "Cannot run program \"asyncigo-no-such-program\" (in directory \"" + dir + "\"): ", e);
      return null;
    });
  }

  /** ProcessBuilder's start, then the error; the JDK words the error by how it launches. */
  private static void assertMessage(String start, IOException e) {
    assertTrue(
        e.getMessage().startsWith(start) && e.getMessage().contains("No such file or directory"),
        e.getMessage());
  }

  @Test
  public void theSpecSetsDirectoryEnvironmentAndMergesStderrIntoStdout(@TempDir Path dir)
      throws IOException {
    Path real = dir.toRealPath();
    run(loop -> {
      Subprocess p = loop.exec(
          ProcessSpec.of("sh", "-c", "pwd; echo \"$ASYNCIGO_X\"; echo oops >&2; exit 4")
              .directory(real)
              .environment("ASYNCIGO_X", "x=1")
              .stderr(Redirect.STDOUT));
      ProcessResult result = p.communicate(null);
      assertEquals(real + "\nx=1\noops\n", result.stdoutText());
      assertEquals("", result.stderrText());
      assertEquals(4, result.exitCode());
      IllegalStateException e = assertThrows(IllegalStateException.class, p::stderr);
      assertEquals(
          "stderr is not piped: the spec redirects it to STDOUT"
              + " (ProcessSpec.stderr(Redirect.PIPE) pipes it)",
          e.getMessage());
      return null;
    });
  }

  @Test
  public void aClearedEnvironmentHoldsOnlyTheVariablesSetAndDiscardedStdinReadsEndOfFile() {
    run(loop -> {
      Subprocess env = loop.exec(
          ProcessSpec.of("env").clearEnvironment().environment("ONLY", "this"));
      assertEquals("ONLY=this\n", env.communicate(null).stdoutText());
      Subprocess cat = loop.exec(ProcessSpec.of("cat").stdin(Redirect.DISCARD));
      ProcessResult result = cat.communicate(null);
      assertEquals(0, result.exitCode());
      assertEquals(0, result.stdout().length);
      assertThrows(IllegalStateException.class, cat::stdin);
      assertThrows(IllegalStateException.class, () -> cat.communicate(bytes("x")));
      return null;
    });
  }

  @Test
  public void stdinIsWriteOnlyAndStdoutReadOnly() {
    run(loop -> {
      Subprocess p = loop.exec("true");
      AsyncStream in = p.stdin();
      assertThrows(UnsupportedOperationException.class, in::readLine);
      assertThrows(UnsupportedOperationException.class, () -> p.stdout().write(bytes("x")));
      assertEquals(0, p.communicate(null).exitCode());
      return null;
    });
  }
}

package asyncigo.loop.net;

import asyncigo.api.Loop;
import asyncigo.api.Task;
import asyncigo.api.UncheckedExecutionException;
import asyncigo.api.process.ProcessResult;
import asyncigo.api.process.Subprocess;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link Subprocess#communicate(byte[])}: one task writes the input and closes stdin while two
 * others read stdout and stderr to their end, so that a child blocked writing one stream while
 * its other stream or its input waits cannot deadlock; then the calling task waits for the exit.
 * Each stream is closed once done with (stdin after the input, the outputs at their end).
 * If the calling task is cancelled or a step fails, the tasks still running are cancelled (the
 * child is not touched). Loop-confined.
 */
final class Communication {
  private static final byte[] NONE = new byte[0];

  private Communication() {}

  static ProcessResult run(
      Loop loop,
      Subprocess process,
      ChannelStream stdin,
      ChannelStream stdout,
      ChannelStream stderr,
      byte[] input)
      throws IOException {
    if (input != null && stdin == null) {
      throw new IllegalStateException(
          "Subprocess.communicate: input given but stdin is not piped");
    }
    List<Task<?>> started = new ArrayList<>();
    try {
      Task<Void> writer = stdin == null ? null : spawn(loop, started, () -> feed(stdin, input));
      Task<byte[]> out = stdout == null ? null : spawn(loop, started, () -> drain(stdout));
      Task<byte[]> err = stderr == null ? null : spawn(loop, started, () -> drain(stderr));
      byte[] outBytes = out == null ? NONE : awaitIo(out);
      byte[] errBytes = err == null ? NONE : awaitIo(err);
      if (writer != null) {
        awaitIo(writer);
      }
      return new ProcessResult(process.waitFor(), outBytes, errBytes);
    } finally {
      for (Task<?> task : started) {
        task.cancel();
      }
    }
  }

  /** An I/O step of the exchange. */
  private interface Step<T> {
    T run() throws IOException;
  }

  private static <T> Task<T> spawn(Loop loop, List<Task<?>> started, Step<T> step) {
    Task<T> task =
        loop.spawn(
            () -> {
              try {
                return step.run();
              } catch (IOException e) {
                throw new UncheckedExecutionException(e);
              }
            });
    started.add(task);
    return task;
  }

  /** Awaits {@code task}, rethrowing an {@link IOException} it failed with as itself. */
  private static <T> T awaitIo(Task<T> task) throws IOException {
    try {
      return task.await();
    } catch (UncheckedExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw e;
    }
  }

  /** Reads {@code output} to its end, then closes it (as asyncio's {@code communicate} does). */
  private static byte[] drain(ChannelStream output) throws IOException {
    byte[] bytes = output.readAll();
    output.close();
    return bytes;
  }

  /**
   * Writes {@code input} (if any), waits until it is sent, and closes stdin; a child that exits or
   * closes its input first ("Broken pipe") is not an error.
   */
  private static Void feed(ChannelStream stdin, byte[] input) throws IOException {
    try {
      if (input != null && input.length > 0) {
        stdin.write(input);
        stdin.flush();
      }
    } catch (IOException e) {
      if (!"Broken pipe".equals(e.getMessage())) {
        throw e;
      }
    } finally {
      stdin.close();
    }
    return null;
  }
}

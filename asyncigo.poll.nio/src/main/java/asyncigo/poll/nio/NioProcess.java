package asyncigo.poll.nio;

import asyncigo.api.process.ProcessSpec;
import asyncigo.api.spi.PollChannel;
import asyncigo.api.spi.PollStream;
import asyncigo.api.spi.SpawnedProcess;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * A child started by {@link ProcessBuilder} for the NIO poller, whose channels cannot be the
 * child's pipes themselves: each piped stream gets an in-process NIO {@link Pipe} whose loop end
 * is non-blocking (watched by the selector) and whose other end a virtual thread of its own copies
 * to or from the child's stream, blocking. A further virtual thread waits for the exit, closes the
 * stdin copier's pipe end (so that it stops and closes the child's stdin), waits for that copier,
 * and then closes the sink of the exit pipe: the loop sees its source readable (end of stream).
 *
 * <p>Descriptors: a copier of the child's output closes the child's stream before its pipe sink,
 * so when the loop reads end of stream every descriptor of that stream is closed; the exit is
 * reported only once the stdin copier has closed its own. The loop closes the loop ends.
 *
 * <p>Loop-confined, except what the virtual threads do, which touches only their own ends.
 */
final class NioProcess implements SpawnedProcess {
  private static final int COPY_BYTES = 64 * 1024;

  private final Process process;
  private final PollStream stdin;
  private final PollStream stdout;
  private final PollStream stderr;
  private final NioPipeSource exitWatch;

  private NioProcess(
      Process process, PollStream stdin, PollStream stdout, PollStream stderr,
      NioPipeSource exitWatch) {
    this.process = process;
    this.stdin = stdin;
    this.stdout = stdout;
    this.stderr = stderr;
    this.exitWatch = exitWatch;
  }

  static NioProcess start(NioPoller poller, ProcessSpec spec) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(spec.command());
    spec.directory().ifPresent(directory -> builder.directory(directory.toFile()));
    builder.environment().clear();
    builder.environment().putAll(spec.environment());
    builder.redirectInput(
        spec.stdin() == ProcessSpec.Redirect.DISCARD
            ? ProcessBuilder.Redirect.from(nullFile())
            : redirect(spec.stdin()));
    builder.redirectOutput(redirect(spec.stdout()));
    if (spec.stderr() == ProcessSpec.Redirect.STDOUT) {
      builder.redirectErrorStream(true);
    } else {
      builder.redirectError(redirect(spec.stderr()));
    }
    List<Closeable> opened = new ArrayList<>();
    try {
      Pipe exit = open(Pipe.open(), opened);
      exit.source().configureBlocking(false);
      Process process = builder.start();
      String name = "asyncigo-process-" + process.pid() + "-";
      Pipe in = spec.stdin() == ProcessSpec.Redirect.PIPE ? open(Pipe.open(), opened) : null;
      Pipe out = spec.stdout() == ProcessSpec.Redirect.PIPE ? open(Pipe.open(), opened) : null;
      Pipe err = spec.stderr() == ProcessSpec.Redirect.PIPE ? open(Pipe.open(), opened) : null;
      Thread inCopier = null;
      if (in != null) {
        in.sink().configureBlocking(false);
        OutputStream childIn = process.getOutputStream();
        inCopier = Thread.ofVirtual().name(name + "stdin")
            .start(() -> copyToChild(in.source(), childIn));
      }
      copyFromChild(out, process.getInputStream(), name + "stdout");
      copyFromChild(err, process.getErrorStream(), name + "stderr");
      Thread stdinCopier = inCopier;
      Thread.ofVirtual().name(name + "exit").start(() -> reportExit(process, in, stdinCopier, exit));
      return new NioProcess(
          process,
          in == null ? null : new NioPipeSink(in.sink(), poller),
          out == null ? null : new NioPipeSource(out.source(), poller),
          err == null ? null : new NioPipeSource(err.source(), poller),
          new NioPipeSource(exit.source(), poller));
    } catch (IOException | RuntimeException e) {
      for (Closeable c : opened) {
        closeQuietly(c);
      }
      throw e;
    }
  }

  private static Pipe open(Pipe pipe, List<Closeable> opened) {
    opened.add(pipe.source());
    opened.add(pipe.sink());
    return pipe;
  }

  private static ProcessBuilder.Redirect redirect(ProcessSpec.Redirect redirect) {
    return switch (redirect) {
      case PIPE -> ProcessBuilder.Redirect.PIPE;
      case INHERIT -> ProcessBuilder.Redirect.INHERIT;
      case DISCARD -> ProcessBuilder.Redirect.DISCARD;
      case STDOUT -> throw new IllegalArgumentException("STDOUT is for stderr only");
    };
  }

  private static File nullFile() {
    return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  private static void copyFromChild(Pipe pipe, InputStream child, String name) throws IOException {
    if (pipe == null) {
      return;
    }
    pipe.source().configureBlocking(false);
    Thread.ofVirtual().name(name).start(() -> copyFromChild(child, pipe.sink()));
  }

  /** Child output to the pipe, until either ends; the child's stream is closed first. */
  private static void copyFromChild(InputStream child, Pipe.SinkChannel sink) {
    try (sink; child) {
      byte[] bytes = new byte[COPY_BYTES];
      int n;
      while ((n = child.read(bytes)) > 0) {
        ByteBuffer chunk = ByteBuffer.wrap(bytes, 0, n);
        while (chunk.hasRemaining()) {
          sink.write(chunk);
        }
      }
    } catch (IOException stopped) {
      // The loop closed its end (broken pipe) or the child's stream failed: nothing to copy to.
    }
  }

  /** The pipe to the child's input, until either ends; the child's stream is closed first. */
  private static void copyToChild(Pipe.SourceChannel source, OutputStream child) {
    try (source; child) {
      ByteBuffer chunk = ByteBuffer.allocate(COPY_BYTES);
      while (source.read(chunk.clear()) >= 0) {
        child.write(chunk.array(), 0, chunk.position());
        child.flush();
      }
    } catch (IOException stopped) {
      // The child closed its input or exited, or the exit reporter closed the source.
    }
  }

  private static void reportExit(Process process, Pipe in, Thread stdinCopier, Pipe exit) {
    boolean interrupted = false;
    while (true) {
      try {
        process.waitFor();
        if (stdinCopier != null) {
          closeQuietly(in.source());
          stdinCopier.join();
        }
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    closeQuietly(exit.sink());
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException ignored) {
      // Closing is all that is asked; the descriptor is released either way.
    }
  }

  @Override
  public long pid() {
    return process.pid();
  }

  @Override
  public Optional<PollStream> stdin() {
    return Optional.ofNullable(stdin);
  }

  @Override
  public Optional<PollStream> stdout() {
    return Optional.ofNullable(stdout);
  }

  @Override
  public Optional<PollStream> stderr() {
    return Optional.ofNullable(stderr);
  }

  @Override
  public PollChannel exitWatch() {
    return exitWatch;
  }

  @Override
  public OptionalInt exitStatus() {
    return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
  }

  @Override
  public OptionalInt awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)
        ? OptionalInt.of(process.exitValue())
        : OptionalInt.empty();
  }

  @Override
  public void signal(int signal) {
    switch (signal) {
      case SIGTERM -> process.destroy();
      case SIGKILL -> process.destroyForcibly();
      default -> throw new IllegalArgumentException(
          "the nio poller sends only SIGTERM (15) and SIGKILL (9), not " + signal);
    }
  }

  @Override
  public String toString() {
    return "NioProcess[pid " + process.pid() + "]";
  }
}

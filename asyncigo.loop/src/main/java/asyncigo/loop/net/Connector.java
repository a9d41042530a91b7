package asyncigo.loop.net;

import asyncigo.api.Async;
import asyncigo.api.Future;
import asyncigo.api.Handle;
import asyncigo.api.Loop;
import asyncigo.api.Promise;
import asyncigo.api.Task;
import asyncigo.api.WaitMode;
import asyncigo.api.spi.PollStream;
import asyncigo.api.spi.Poller;
import asyncigo.loop.io.IoReadiness;
import asyncigo.loop.io.IoWatch;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Opens TCP connections (and Unix domain socket connections, {@link #connectUnix}): one address is connected directly; several are raced "happy eyeballs"
 * style (RFC 8305): address families interleaved, each attempt a task of its own, the next one
 * started when the stagger delay has passed or as soon as the previous attempt failed, the first
 * connection kept, every other attempt cancelled and its socket closed. Loop-confined.
 */
final class Connector {
  /** The happy-eyeballs stagger between two attempts (RFC 8305 recommends 250 ms). */
  static final Duration STAGGER = Duration.ofMillis(250);

  private final Loop loop;
  private final IoReadiness io;
  private final Poller poller;

  Connector(Loop loop, IoReadiness io, Poller poller) {
    this.loop = loop;
    this.io = io;
    this.poller = poller;
  }

  /**
   * Connects to one of {@code addresses} on {@code port}; the channel returned is registered with
   * the readiness service.
   *
   * @throws ConnectException if every attempt was refused (the first failure, the others
   *     suppressed in it)
   */
  IoWatch<PollStream> connect(List<InetAddress> addresses, int port) throws IOException {
    List<InetSocketAddress> targets = new ArrayList<>();
    for (InetAddress address : interleaved(addresses)) {
      targets.add(new InetSocketAddress(address, port));
    }
    return targets.size() == 1 ? attempt(targets.get(0)) : race(targets);
  }

  private IoWatch<PollStream> race(List<InetSocketAddress> targets) throws IOException {
    List<Task<IoWatch<PollStream>>> running = new ArrayList<>();
    List<Throwable> failures = new ArrayList<>();
    int started = 0;
    try {
      while (true) {
        if (started < targets.size()) {
          InetSocketAddress target = targets.get(started++);
          running.add(loop.spawn("connect " + target, () -> attempt(target)));
        }
        List<Future<?>> wake = new ArrayList<>(running);
        Promise<Void> stagger = loop.newFuture();
        Handle timer = null;
        if (started < targets.size()) {
          timer = loop.callLater(STAGGER, () -> stagger.complete(null));
          wake.add(stagger);
        }
        try {
          Async.await(WaitMode.FIRST_COMPLETED, wake);
        } finally {
          if (timer != null) {
            timer.cancel();
          }
        }
        for (Iterator<Task<IoWatch<PollStream>>> it = running.iterator(); it.hasNext(); ) {
          Task<IoWatch<PollStream>> attempt = it.next();
          if (attempt.state() == Future.State.SUCCEEDED) {
            it.remove();
            return attempt.resultNow();
          }
          if (attempt.isDone()) {
            it.remove();
            failures.add(
                attempt.isCancelled()
                    ? new IOException("connect attempt was cancelled: " + attempt.name())
                    : attempt.exceptionNow());
          }
        }
        if (running.isEmpty() && started == targets.size()) {
          throw combined(failures);
        }
      }
    } finally {
      for (Task<IoWatch<PollStream>> loser : running) {
        if (!loser.cancel()) {
          if (loser.state() == Future.State.SUCCEEDED) {
            loser.resultNow().close("lost the connection race");
          } else if (loser.state() == Future.State.FAILED) {
            // Once another attempt won (or the race was cancelled), a loser's failure is moot:
            // reading it marks it as handled, so that it is not reported as unretrieved.
            loser.exceptionNow();
          }
        }
      }
    }
  }

  /**
   * Connects to the Unix domain socket {@code file}; the channel returned is registered with the
   * readiness service.
   *
   * @throws ConnectException naming the reason and the path ({@code "Connection refused:
   *     unix:/run/app.sock"})
   */
  IoWatch<PollStream> connectUnix(UnixSocketFile file) throws IOException {
    PollStream channel;
    try {
      channel = poller.connectUnix(file.address());
    } catch (ConnectException e) {
      throw named(e, file);
    }
    return finish(channel, file);
  }

  private IoWatch<PollStream> attempt(InetSocketAddress target) throws IOException {
    return finish(poller.connect(target), target);
  }

  /**
   * Registers {@code channel}, a socket connecting to {@code target} (an address, or a {@link
   * UnixSocketFile}), and waits until it is connected; closes it if that fails.
   */
  private IoWatch<PollStream> finish(PollStream channel, Object target) throws IOException {
    IoWatch<PollStream> watch;
    try {
      watch = io.open(channel);
    } catch (IOException | RuntimeException e) {
      try {
        channel.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    boolean connected = false;
    try {
      while (!channel.finishConnect()) {
        watch.await(Poller.WRITE);
      }
      connected = true;
      return watch;
    } catch (ConnectException e) {
      throw named(e, target);
    } finally {
      if (!connected) {
        watch.close("connect failed");
      }
    }
  }

  /** {@code e}'s reason followed by the target: {@code "Connection refused: /127.0.0.1:6172"}. */
  private static ConnectException named(ConnectException e, Object target) {
    ConnectException named = new ConnectException(e.getMessage() + ": " + target);
    named.initCause(e);
    return named;
  }

  private static IOException combined(List<Throwable> failures) {
    Throwable first = failures.get(0);
    IOException thrown =
        first instanceof IOException io ? io : new IOException("connect failed: " + first, first);
    for (Throwable other : failures.subList(1, failures.size())) {
      thrown.addSuppressed(other);
    }
    return thrown;
  }

  /** The addresses with the families alternating, starting with the family of the first one. */
  static List<InetAddress> interleaved(List<InetAddress> addresses) {
    if (addresses.isEmpty()) {
      return addresses;
    }
    boolean firstIsV6 = addresses.get(0) instanceof Inet6Address;
    List<InetAddress> first = new ArrayList<>();
    List<InetAddress> second = new ArrayList<>();
    for (InetAddress a : addresses) {
      ((a instanceof Inet6Address) == firstIsV6 ? first : second).add(a);
    }
    List<InetAddress> out = new ArrayList<>(addresses.size());
    for (int i = 0; i < Math.max(first.size(), second.size()); i++) {
      if (i < first.size()) {
        out.add(first.get(i));
      }
      if (i < second.size()) {
        out.add(second.get(i));
      }
    }
    return out;
  }
}

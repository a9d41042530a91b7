package asyncigo.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import asyncigo.api.Loop;
import asyncigo.api.LoopOptions;
import asyncigo.api.Task;
import asyncigo.api.UnhandledFailure;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.spi.PollerProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

/**
 * What the transport contract's tests share: the backend under test, a fresh loop per test that
 * fails the test when a failure reaches its exception handler, and small helpers. Each test runs
 * on a thread of its own so that a hang fails after a minute instead of stalling the build.
 *
 * @since 0.1
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public abstract class TransportFixture {

  /** {@return the name of the poller provider under test ({@code "nio"}, {@code "epoll"})} */
  protected abstract String pollerName();

  /** Skips the test, with the provider's reason, when the backend is unavailable here. */
  @BeforeEach
  public void requireAvailableBackend() {
    PollerProvider provider = Backends.provider(pollerName());
    Assumptions.assumeTrue(
        provider.isAvailable(),
        () -> pollerName() + " is unavailable: " + provider.unavailabilityCause().orElse("?"));
  }

  /**
   * The loop the tests use, given the loop they opened: the loop itself for plain TCP. A TLS
   * suite returns a view whose {@code connect} and {@code listen} speak TLS (see {@link
   * TlsTestTransport}); every other method is the loop's.
   */
  protected Loop transport(Loop loop) {
    return loop;
  }

  /**
   * Makes {@code plain}, a TCP socket of a blocking peer, speak the transport under test, on the
   * client side of it if {@code client}: the socket itself for plain TCP; a TLS suite returns an
   * {@link javax.net.ssl.SSLSocket} over it whose handshake is done.
   */
  protected Socket speak(Socket plain, boolean client) throws IOException {
    return plain;
  }

  /**
   * Accepts a connection on {@code server} and makes it speak the transport (a blocking peer).
   * TCP_NODELAY is on, as on the loop's sockets: a peer that writes and then resets must not
   * have its last bytes held back by Nagle's algorithm (behind a TLS session ticket not yet
   * acknowledged, say) and thrown away by the reset.
   */
  protected BlockingPeer accepted(ServerSocket server) throws IOException {
    Socket plain = server.accept();
    plain.setTcpNoDelay(true);
    return new BlockingPeer(plain, speak(plain, false));
  }

  /** Connects to {@code host:port} and makes it speak the transport (a blocking peer). */
  protected BlockingPeer connected(String host, int port) throws IOException {
    Socket plain = new Socket(host, port);
    plain.setTcpNoDelay(true);
    return new BlockingPeer(plain, speak(plain, true));
  }

  /**
   * A test body that runs as the main task of a fresh loop.
   *
   * @param <T> the result type
   * @since 0.1
   */
  @FunctionalInterface
  protected interface LoopBody<T> {
    /**
     * Runs the body, as the loop's main task.
     *
     * @param loop the fresh loop
     * @return the body's result
     * @throws Exception any failure, which fails the test
     */
    T run(Loop loop) throws Exception;
  }

  /**
   * Runs {@code body} on a fresh loop of the backend under test and fails if any failure reached
   * the loop's exception handler.
   *
   * @param <T> the result type
   * @param body the test body
   * @return the body's result
   */
  protected <T> T run(LoopBody<T> body) {
    List<UnhandledFailure> unhandled = Collections.synchronizedList(new ArrayList<>());
    T result = runCollecting(body, unhandled);
    assertEquals(List.of(), unhandled, "failures that reached the exception handler");
    return result;
  }

  /**
   * Runs {@code body} on a fresh loop, adding what reaches its exception handler to a list.
   *
   * @param <T> the result type
   * @param body the test body
   * @param unhandled receives every failure that reaches the exception handler
   * @return the body's result
   */
  protected <T> T runCollecting(LoopBody<T> body, List<UnhandledFailure> unhandled) {
    LoopOptions options =
        LoopOptions.defaults().poller(pollerName()).exceptionHandler(unhandled::add);
    try (Loop loop = Loop.open(options)) {
      return loop.run(() -> body.run(transport(loop)));
    }
  }

  /**
   * Lets {@code task} run until it is suspended on a future; call it from a task of {@code loop}.
   *
   * @param loop the loop of the calling task
   * @param task the task to wait for
   */
  protected static void untilSuspended(Loop loop, Task<?> task) {
    eventually(loop, () -> task.awaiting().isPresent(), task.name() + " is suspended");
  }

  /**
   * Sleeps in 1 ms steps until {@code condition} holds; fails after 10 seconds. Call it from a task
   * of {@code loop}.
   *
   * @param loop the loop of the calling task
   * @param condition what to wait for
   * @param what the condition, for the failure message
   */
  protected static void eventually(Loop loop, BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("timed out waiting until " + what);
      }
      loop.sleep(Duration.ofMillis(1));
    }
  }

  /**
   * Echoes everything the peer sends until it ends its output: a server handler.
   *
   * @param stream the connection
   * @throws IOException if the stream fails
   */
  protected static void echo(AsyncStream stream) throws IOException {
    byte[] piece;
    while ((piece = stream.read(64 * 1024)) != null) {
      stream.write(piece);
      stream.drain();
    }
  }

  /**
   * The number of entries in {@code fds} ({@code /proc/self/fd}): the open descriptors.
   *
   * @param fds the descriptor directory
   * @return the number of open descriptors
   * @throws IOException if the directory cannot be listed
   */
  protected static long openDescriptors(Path fds) throws IOException {
    try (var entries = Files.list(fds)) {
      return entries.count();
    }
  }

  /**
   * {@link #openDescriptors}, for conditions.
   *
   * @param fds the descriptor directory
   * @return the number of open descriptors
   * @throws UncheckedIOException if the directory cannot be listed
   */
  protected static long openDescriptorsUnchecked(Path fds) {
    try {
      return openDescriptors(fds);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@return the bytes of {@code s}, one per character (ISO-8859-1)}
   *
   * @param s the text
   */
  protected static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  /**
   * {@return {@code b} as text, one character per byte (ISO-8859-1); null for null}
   *
   * @param b the bytes, or null
   */
  protected static String text(byte[] b) {
    return b == null ? null : new String(b, StandardCharsets.ISO_8859_1);
  }
}

package asyncigo.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.UncheckedExecutionException;
import asyncigo.api.iter.AsyncIterable;
import asyncigo.api.iter.AsyncIterator;
import asyncigo.api.net.AsyncStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * What a stream does once its peer reset the connection, the same on every backend: the bytes
 * that arrived before the reset are read first, then every read that needs more throws {@link
 * SocketException} "Connection reset", on every later call and whichever read it is; writes,
 * drain and flush throw it too. A reset never reads as a clean end of stream, even when a write
 * met it first. Runs through a one-line subclass per backend, like {@link TransportContract}.
 *
 * @since 0.1
 */
public abstract class TransportResetContract extends TransportFixture {
  private static final String LOOPBACK = "127.0.0.1";
  private static final String RESET = "Connection reset";

  @Test
  public void afterAResetEveryReadThrowsItOnceTheBytesBeforeItAreRead() {
    run(
        loop -> {
          try (ServerSocket raw = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AsyncStream client = connectedAndReset(loop, raw, "line one\npartial");
            assertEquals("line one\n", text(client.readLine()));
            assertReset(client::readLine);
            assertReset(client::readLine);
            assertReset(() -> client.readUntil((byte) ';'));
            assertReset(() -> client.readExactly(100));
            assertReset(() -> client.readChunk(100));
            assertReset(client::readAll);
            assertEquals("partial", text(client.read(100)), "what came before the reset");
            assertReset(() -> client.read(100));
            assertReset(() -> client.read(ByteBuffer.allocate(100)));
            assertReset(() -> first(client.lines()));
            assertReset(() -> first(client.chunks(10)));
            client.close();
          }
          return null;
        });
  }

  @Test
  public void afterAResetWritesDrainAndFlushThrowItToo() {
    run(
        loop -> {
          try (ServerSocket raw = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AsyncStream client = connectedAndReset(loop, raw, "");
            assertReset(() -> client.read(1));
            Future<Void> write = client.write(bytes("too late"));
            assertReset(() -> awaitIo(write));
            assertReset(client::flush);
            assertReset(client::drain);
            assertReset(() -> awaitIo(client.write(ByteBuffer.wrap(bytes("still too late")))));
            client.close();
          }
          return null;
        });
  }

  @Test
  public void aResetThatAWriteMetFirstIsStillThrownByTheReadsAfterTheBytesBeforeIt() {
    run(
        loop -> {
          try (ServerSocket raw = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AsyncStream client = connectedAndReset(loop, raw, "hello\n");
            assertReset(() -> writeUntilItFails(loop, client));
            assertEquals("hello\n", text(client.readLine()), "what came before the reset");
            assertReset(client::readLine);
            assertReset(client::readAll);
            client.close();
          }
          return null;
        });
  }

  @Test
  public void aResetReachesAReaderThatIsAlreadyWaiting() {
    run(
        loop -> {
          try (ServerSocket raw = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Future<BlockingPeer> accepted = loop.toThread(() -> accepted(raw));
            AsyncStream client = loop.connect(LOOPBACK, raw.getLocalPort());
            BlockingPeer peer = accepted.await();
            var reader = loop.spawn(client::readLine);
            untilSuspended(loop, reader);
            loop.toThread(() -> sendAndReset(peer, "unterminated")).await();
            assertReset(() -> awaitIo(reader));
            assertReset(client::readLine);
            assertEquals("unterminated", text(client.read(100)), "what came before the reset");
            assertReset(() -> client.read(100));
            client.close();
          }
          return null;
        });
  }

  /**
   * A stream connected to {@code raw}, whose peer has sent {@code text} and reset the connection
   * (it resets only once the connection is established on both sides).
   */
  private AsyncStream connectedAndReset(Loop loop, ServerSocket raw, String text)
      throws IOException {
    Future<BlockingPeer> accepted = loop.toThread(() -> accepted(raw));
    AsyncStream client = loop.connect(LOOPBACK, raw.getLocalPort());
    BlockingPeer peer = accepted.await();
    loop.toThread(() -> sendAndReset(peer, text)).await();
    return client;
  }

  /** Sends {@code text} and closes {@code peer} with SO_LINGER 0, which sends a reset. */
  private static Void sendAndReset(BlockingPeer peer, String text) throws IOException {
    try (peer) {
      OutputStream out = peer.socket().getOutputStream();
      out.write(bytes(text));
      out.flush();
      peer.reset();
    }
    return null;
  }

  /**
   * Writes and awaits a byte at a time until a write fails: a write made before the reset reached
   * this host succeeds. Fails the test if no write fails within ten seconds.
   */
  private static void writeUntilItFails(Loop loop, AsyncStream stream) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() - deadline < 0) {
      awaitIo(stream.write(new byte[] {1}));
      loop.sleep(Duration.ofMillis(1));
    }
    fail("no write failed within ten seconds");
  }

  /** Awaits {@code future}, rethrowing an {@link IOException} it failed with as it is. */
  private static <T> T awaitIo(Future<T> future) throws IOException {
    try {
      return future.await();
    } catch (UncheckedExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw e;
    }
  }

  /** The first element of {@code iterable}, an {@link IOException} it failed with unwrapped. */
  private static byte[] first(AsyncIterable<byte[]> iterable) throws IOException {
    try (AsyncIterator<byte[]> it = iterable.iterator()) {
      return it.hasNext() ? it.next() : null;
    } catch (UncheckedExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw e;
    }
  }

  private static void assertReset(Executable operation) {
    SocketException e = assertThrows(SocketException.class, operation);
    assertEquals(RESET, e.getMessage());
  }
}

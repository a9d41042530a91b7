package asyncigo.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.CancelledException;
import asyncigo.api.Future;
import asyncigo.api.Promise;
import asyncigo.api.Task;
import asyncigo.api.UncheckedExecutionException;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.Server;
import asyncigo.api.net.StreamClosedException;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stream contract of Unix domain sockets ({@code Loop.connectUnix}, {@code
 * Loop.listenUnix}): the same streams as TCP, byte for byte, with Unix domain socket addresses.
 * The socket-file rules and descriptor counts are in {@link UnixSocketFileContract}. A backend
 * runs it with a one-line subclass naming its provider.
 *
 * @since 0.1
 */
public abstract class UnixSocketContract extends UnixSocketFixture {

  /**
   * {@return the byte matrix over a Unix domain socket: every data set and reader with one write,
   * and the slow writer (500-byte pieces with pauses) once, with the text and the line reader}
   */
  public static Stream<Arguments> matrix() {
    List<Arguments> cases = new ArrayList<>();
    for (TransportData data : TransportData.values()) {
      for (TransportReader reader : TransportReader.values()) {
        cases.add(Arguments.of(data, TransportWriter.ONE_WRITE_THEN_CLOSE, reader));
      }
    }
    cases.add(
        Arguments.of(
            TransportData.TEXT_LINES, TransportWriter.PIECES_OF_500_WITH_PAUSES,
            TransportReader.LINES));
    return cases.stream();
  }

  @ParameterizedTest(name = "a Unix socket carries {0} written {1} and read {2}")
  @MethodSource("matrix")
  public void aUnixSocketCarriesEveryByteInOrder(
      TransportData data, TransportWriter writer, TransportReader reader) {
    byte[] sent = data.bytes();
    byte[] received =
        run(
            loop -> {
              return TransportPair.unix(loop, socket("s")).carry(loop, writer, reader, sent);
            });
    assertArrayEquals(sent, received);
  }

  @Test
  public void eightMebibytesGoToAnEchoServerAndComeBackIntact() {
    byte[] sent = new byte[8 << 20];
    new Random(13).nextBytes(sent);
    byte[] received =
        run(
            loop -> {
              Server server = loop.listenUnix(socket("echo"), TransportFixture::echo);
              try (AsyncStream client = loop.connectUnix(socket("echo"))) {
                Task<Void> sending =
                    loop.spawn(
                        "writer",
                        () -> {
                          for (int at = 0; at < sent.length; at += 100_000) {
                            client.write(
                                Arrays.copyOfRange(sent, at, Math.min(at + 100_000, sent.length)));
                            client.drain();
                          }
                          client.shutdownOutput();
                          return null;
                        });
                byte[] got = client.readAll();
                sending.await();
                return got;
              } finally {
                server.closeAll();
              }
            });
    assertArrayEquals(sent, received);
  }

  @Test
  public void bothEndsAndTheServerHaveUnixDomainSocketAddresses() {
    Path path = socket("s");
    UnixDomainSocketAddress address = UnixDomainSocketAddress.of(path);
    run(
        loop -> {
          try (TransportPair pair = TransportPair.unix(loop, path)) {
            assertEquals(address, pair.server().address());
            assertEquals(Optional.of(address), pair.writer().remoteAddress());
            assertEquals(Optional.of(address), pair.reader().localAddress());
            UnsupportedOperationException e =
                assertThrows(UnsupportedOperationException.class, pair.server()::localAddress);
            assertEquals(
                "a Unix domain socket server has no IP address or port: call Server.address(),"
                    + " which is " + path,
                e.getMessage());
          }
          return null;
        });
  }

  @Test
  public void theHandlerTaskIsNamedAfterTheSocketFile() {
    Path path = socket("named");
    String name =
        run(
            loop -> {
              Promise<String> taskName = loop.newFuture();
              Server server =
                  loop.listenUnix(
                      path, stream -> taskName.complete(loop.currentTask().orElseThrow().name()));
              try (AsyncStream client = loop.connectUnix(path)) {
                return taskName.await();
              } finally {
                server.closeAll();
              }
            });
    assertEquals("connection unix:" + path, name);
  }

  @Test
  public void shutdownOutputEndsThePeersStreamWhichCanStillAnswer() {
    run(
        loop -> {
          Server server =
              loop.listenUnix(
                  socket("s"),
                  stream -> stream.write(bytes("got " + text(stream.readAll()))));
          try (AsyncStream client = loop.connectUnix(socket("s"))) {
            client.write(bytes("abc"));
            client.shutdownOutput();
            assertEquals("got abc", text(client.readAll()));
            assertNull(client.read(1));
          } finally {
            server.closeAll();
          }
          return null;
        });
  }

  @Test
  public void closingWakesATaskWaitingToReadWithStreamClosedException() {
    run(
        loop -> {
          try (TransportPair pair = TransportPair.unix(loop, socket("s"))) {
            Task<byte[]> reader = loop.spawn(() -> pair.reader().readExactly(10));
            untilSuspended(loop, reader);
            pair.reader().close();
            UncheckedExecutionException e =
                assertThrows(UncheckedExecutionException.class, reader::await);
            assertInstanceOf(StreamClosedException.class, e.getCause());
            assertThrows(StreamClosedException.class, () -> pair.reader().read(1));
          }
          return null;
        });
  }

  @Test
  public void cancellingAReadLosesNoByte() {
    run(
        loop -> {
          try (TransportPair pair = TransportPair.unix(loop, socket("s"))) {
            Task<byte[]> reader = loop.spawn(pair.reader()::readLine);
            untilSuspended(loop, reader);
            // The stream reuses one future for its waits, so the second wait is told from the
            // first by the first one's completion, not by identity.
            boolean[] firstWaitOver = new boolean[1];
            reader.awaiting().orElseThrow().whenDone(f -> firstWaitOver[0] = true);
            pair.writer().write(bytes("abc")).await();
            eventually(
                loop,
                () -> firstWaitOver[0] && reader.awaiting().filter(f -> !f.isDone()).isPresent(),
                "the reader buffered \"abc\" and waits for more");
            assertTrue(reader.cancel());
            assertThrows(CancelledException.class, reader::await);
            pair.writer().write(bytes("def\n")).await();
            assertEquals("abcdef\n", text(pair.reader().readLine()));
          }
          return null;
        });
  }
}

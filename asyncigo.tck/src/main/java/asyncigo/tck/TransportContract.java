package asyncigo.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.CancelledException;
import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.Task;
import asyncigo.api.UncheckedExecutionException;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.IncompleteReadException;
import asyncigo.api.net.LineTooLongException;
import asyncigo.api.net.Pipe;
import asyncigo.api.net.StreamClosedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The transport contract (issue 3): streams over TCP and pipes, byte for byte, on one poller
 * backend. A backend runs it with a one-line subclass naming its provider; each test opens its
 * own loop on that backend and is skipped when the backend is unavailable here.
 *
 * <p>This class holds the byte matrix and the stream tests; it inherits the connection tests
 * (servers, connecting, resets, half-close, scale) from {@link TransportConnectionContract}, the
 * no-loss rule of cancellation from {@link CancelledDeliveryContract} and the shared fixture from
 * {@link TransportFixture}; the split only keeps the files small.
 *
 * @since 0.1
 */
public abstract class TransportContract extends TransportConnectionContract {

  // ------------------------------------------------------------------------- the byte matrix

  /**
   * {@return every combination of transport kind, data set, writer and reader: the arguments of
   * {@link #aTransportCarriesEveryByteInOrder}}
   */
  public static Stream<Arguments> matrix() {
    List<Arguments> cases = new ArrayList<>();
    for (TransportPair.Kind kind : TransportPair.Kind.values()) {
      for (TransportData data : TransportData.values()) {
        for (TransportWriter writer : TransportWriter.values()) {
          for (TransportReader reader : TransportReader.values()) {
            cases.add(Arguments.of(kind, data, writer, reader));
          }
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} carries {1} written {2} and read {3}")
  @MethodSource("matrix")
  public void aTransportCarriesEveryByteInOrder(
      TransportPair.Kind kind, TransportData data, TransportWriter writer, TransportReader reader) {
    byte[] sent = data.bytes();
    byte[] received =
        run(
            loop -> {
              return kind.open(loop).carry(loop, writer, reader, sent);
            });
    assertArrayEquals(sent, received);
  }

  // ------------------------------------------------------------------------------- reading

  @Test
  public void readLineKeepsTheNewlineThenGivesTheUnterminatedRestThenNull() {
    run(
        loop -> {
          AsyncStream in = fedPipe(loop, "one\ntwo\n\nthree");
          assertEquals("one\n", text(in.readLine()));
          assertEquals("two\n", text(in.readLine()));
          assertEquals("\n", text(in.readLine()));
          assertEquals("three", text(in.readLine()));
          assertNull(in.readLine());
          assertNull(in.readLine());
          return null;
        });
  }

  @Test
  public void readUntilReturnsUpToAndIncludingTheDelimiter() {
    run(
        loop -> {
          AsyncStream in = fedPipe(loop, "a;b;;c");
          assertEquals("a;", text(in.readUntil((byte) ';')));
          assertEquals("b;", text(in.readUntil((byte) ';')));
          assertEquals(";", text(in.readUntil((byte) ';')));
          assertEquals("c", text(in.readUntil((byte) ';')));
          assertNull(in.readUntil((byte) ';'));
          return null;
        });
  }

  @Test
  public void readExactlyFailsAtEndOfStreamCarryingThePartialData() {
    run(
        loop -> {
          AsyncStream in = fedPipe(loop, "abcde");
          assertEquals("abc", text(in.readExactly(3)));
          assertEquals("", text(in.readExactly(0)));
          IncompleteReadException e =
              assertThrows(IncompleteReadException.class, () -> in.readExactly(5));
          assertEquals("de", text(e.partial()));
          assertEquals(5, e.expected());
          assertNull(in.read(10));
          return null;
        });
  }

  @Test
  public void readChunkGivesAShortChunkOnlyAtTheEndThenNull() {
    run(
        loop -> {
          AsyncStream in = fedPipe(loop, "0123456789");
          assertEquals("0123", text(in.readChunk(4)));
          assertEquals("4567", text(in.readChunk(4)));
          assertEquals("89", text(in.readChunk(4)));
          assertNull(in.readChunk(4));
          return null;
        });
  }

  @Test
  public void readGivesAtMostMaxBytesAndNullAtTheEnd() {
    run(
        loop -> {
          AsyncStream in = fedPipe(loop, "hello");
          assertEquals("hel", text(in.read(3)));
          assertEquals("lo", text(in.read(100)));
          assertNull(in.read(1));
          return null;
        });
  }

  @Test
  public void readAllOfAnEmptyStreamIsAnEmptyArray() {
    run(
        loop -> {
          AsyncStream in = fedPipe(loop, "");
          assertArrayEquals(new byte[0], in.readAll());
          return null;
        });
  }

  @Test
  public void aLineLongerThanTheLimitFailsAndStaysReadable() {
    run(
        loop -> {
          String exactlyAtLimit = "123456789012345\n";
          String tooLong = "x".repeat(40) + "\n";
          AsyncStream in = fedPipe(loop, exactlyAtLimit + tooLong + "tail");
          assertEquals(64 * 1024, in.lineLimit());
          in.lineLimit(16);
          assertEquals(exactlyAtLimit, text(in.readLine()));
          assertThrows(LineTooLongException.class, in::readLine);
          assertThrows(LineTooLongException.class, in::readLine);
          in.lineLimit(41);
          assertEquals(tooLong, text(in.readLine()));
          assertEquals("tail", text(in.readLine()));
          return null;
        });
  }

  @Test
  public void badArgumentsAreRejectedWithIllegalArgumentException() {
    run(
        loop -> {
          Pipe pipe = loop.pipe();
          AsyncStream in = pipe.source();
          AsyncStream out = pipe.sink();
          assertThrows(IllegalArgumentException.class, () -> in.readExactly(-1));
          assertThrows(IllegalArgumentException.class, () -> in.readChunk(0));
          assertThrows(IllegalArgumentException.class, () -> in.read(0));
          assertThrows(IllegalArgumentException.class, () -> in.chunks(0));
          assertThrows(IllegalArgumentException.class, () -> in.lineLimit(0));
          assertThrows(IllegalArgumentException.class, () -> out.writeLimits(10, 20));
          assertThrows(IllegalArgumentException.class, () -> out.writeLimits(10, -1));
          in.close();
          out.close();
          return null;
        });
  }

  @Test
  public void aSecondReaderWhileAnotherWaitsIsRejected() {
    run(
        loop -> {
          Pipe pipe = loop.pipe();
          Task<byte[]> first = loop.spawn(pipe.source()::readLine);
          untilSuspended(loop, first);
          IllegalStateException e =
              assertThrows(IllegalStateException.class, pipe.source()::readLine);
          assertTrue(e.getMessage().contains("already reading"), e.getMessage());
          pipe.sink().write(bytes("x\n")).await();
          assertEquals("x\n", text(first.await()));
          pipe.sink().close();
          pipe.source().close();
          return null;
        });
  }

  @Test
  public void closingAnIteratorStopsItWithoutLosingALineOrClosingTheStream() {
    run(
        loop -> {
          AsyncStream in = fedPipe(loop, "a\nb\nc\n");
          var lines = in.lines().iterator();
          assertEquals("a\n", text(lines.next()));
          assertTrue(lines.hasNext());
          lines.close();
          assertFalse(lines.hasNext());
          assertFalse(in.isClosed());
          assertEquals("b\n", text(in.readLine()));
          assertEquals("c\n", text(in.readLine()));
          return null;
        });
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TransportPair.Kind.class)
  public void closingWakesATaskWaitingToReadWithStreamClosedException(TransportPair.Kind kind) {
    run(
        loop -> {
          try (TransportPair pair = kind.open(loop)) {
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

  @ParameterizedTest(name = "{0}")
  @EnumSource(TransportPair.Kind.class)
  public void cancellingAReadLosesNoByte(TransportPair.Kind kind) {
    run(
        loop -> {
          try (TransportPair pair = kind.open(loop)) {
            Task<byte[]> reader = loop.spawn(pair.reader()::readLine);
            untilSuspended(loop, reader);
            // The stream may reuse one future for its waits, so the second wait is told from the
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

  // ------------------------------------------------------------------------------- writing

  @Test
  public void closeFailsUnsentWritesSayingHowManyBytesWereLost() {
    run(
        loop -> {
          Pipe pipe = loop.pipe();
          AsyncStream out = pipe.sink();
          Future<Void> written = out.write(new byte[1 << 20]);
          assertFalse(written.isDone(), "nobody reads the pipe: 1 MiB cannot all be sent");
          int unsent = out.pendingOutput();
          assertTrue(unsent > 0 && unsent < 1 << 20, "unsent: " + unsent);
          out.close();
          assertTrue(out.isClosed());
          out.close();
          UncheckedExecutionException e =
              assertThrows(UncheckedExecutionException.class, written::await);
          assertInstanceOf(StreamClosedException.class, e.getCause());
          assertEquals("closed with " + unsent + " bytes unsent", e.getCause().getMessage());
          assertEquals(0, out.pendingOutput());
          assertThrows(StreamClosedException.class, () -> out.write(bytes("late")));
          assertThrows(StreamClosedException.class, out::drain);
          assertThrows(StreamClosedException.class, out::flush);
          pipe.source().close();
          return null;
        });
  }

  @Test
  public void severalDrainersAllResumeOnceOutputFallsToTheLowWaterMark() {
    run(
        loop -> {
          Pipe pipe = loop.pipe();
          AsyncStream out = pipe.sink();
          out.writeLimits(64 * 1024, 16 * 1024);
          out.write(new byte[1 << 20]);
          List<Task<Integer>> drainers = new ArrayList<>();
          for (int i = 0; i < 3; i++) {
            drainers.add(
                loop.spawn(
                    () -> {
                      out.drain();
                      return out.pendingOutput();
                    }));
          }
          for (Task<Integer> drainer : drainers) {
            untilSuspended(loop, drainer);
          }
          drainers.get(1).cancel();
          assertEquals(1 << 20, pipe.source().readExactly(1 << 20).length);
          assertTrue(drainers.get(0).await() <= 16 * 1024);
          assertTrue(drainers.get(2).await() <= 16 * 1024);
          assertThrows(CancelledException.class, drainers.get(1)::await);
          out.drain();
          out.close();
          pipe.source().close();
          return null;
        });
  }

  @Test
  public void flushReturnsOnceEveryWrittenByteIsHandedToTheKernel() {
    run(
        loop -> {
          Pipe pipe = loop.pipe();
          AsyncStream out = pipe.sink();
          Future<Void> big = out.write(new byte[1 << 20]);
          Future<Void> small = out.write(bytes("0123456789"));
          Task<byte[]> reader = loop.spawn(() -> pipe.source().readExactly((1 << 20) + 10));
          out.flush();
          assertTrue(big.isDone() && small.isDone());
          assertEquals(0, out.pendingOutput());
          assertEquals((1 << 20) + 10, reader.await().length);
          out.close();
          pipe.source().close();
          return null;
        });
  }

  @Test
  public void writesFromSeveralTasksNeverInterleave() {
    int writers = 8;
    int size = 100_000;
    byte[] received =
        run(
            loop -> {
              Pipe pipe = loop.pipe();
              List<Task<Void>> tasks = new ArrayList<>();
              for (int i = 0; i < writers; i++) {
                byte[] block = new byte[size];
                Arrays.fill(block, (byte) ('A' + i));
                tasks.add(loop.spawn(() -> pipe.sink().write(block).await()));
              }
              byte[] all = pipe.source().readExactly(writers * size);
              for (Task<Void> t : tasks) {
                t.await();
              }
              pipe.sink().close();
              pipe.source().close();
              return all;
            });
    List<Byte> seen = new ArrayList<>();
    for (int block = 0; block < writers; block++) {
      byte first = received[block * size];
      for (int i = 1; i < size; i++) {
        assertEquals(first, received[block * size + i], "block " + block + " is one write");
      }
      seen.add(first);
    }
    assertEquals(writers, seen.stream().distinct().count());
  }

  @Test
  public void shutdownOutputSendsWhatIsBufferedThenEndsTheStream() {
    run(
        loop -> {
          Pipe pipe = loop.pipe();
          Task<byte[]> reader = loop.spawn(pipe.source()::readAll);
          pipe.sink().write(new byte[1 << 20]);
          pipe.sink().shutdownOutput();
          assertEquals(0, pipe.sink().pendingOutput());
          assertEquals(1 << 20, reader.await().length);
          StreamClosedException e =
              assertThrows(StreamClosedException.class, () -> pipe.sink().write(bytes("x")));
          assertTrue(e.getMessage().contains("shut down"), e.getMessage());
          pipe.sink().shutdownOutput();
          pipe.sink().close();
          pipe.source().close();
          return null;
        });
  }

  @Test
  public void pipeEndsGoOneWayAndHaveNoAddresses() {
    run(
        loop -> {
          Pipe pipe = loop.pipe();
          assertThrows(UnsupportedOperationException.class, () -> pipe.source().write(bytes("x")));
          assertThrows(UnsupportedOperationException.class, () -> pipe.sink().read(1));
          assertTrue(pipe.source().localAddress().isEmpty());
          assertTrue(pipe.sink().remoteAddress().isEmpty());
          pipe.sink().close();
          assertNull(pipe.source().read(1));
          pipe.source().close();
          return null;
        });
  }

  // ------------------------------------------------------------------------------- helpers

  /** A pipe whose sink has sent {@code content} and closed; returns the source. */
  private static AsyncStream fedPipe(Loop loop, String content) throws Exception {
    Pipe pipe = loop.pipe();
    pipe.sink().write(bytes(content)).await();
    pipe.sink().close();
    return pipe.source();
  }
}

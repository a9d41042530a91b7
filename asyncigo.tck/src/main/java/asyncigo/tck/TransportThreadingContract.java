package asyncigo.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.Future;
import asyncigo.api.Promise;
import asyncigo.api.Task;
import asyncigo.api.UncheckedExecutionException;
import asyncigo.api.iter.AsyncIterator;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.Server;
import asyncigo.api.net.StreamClosedException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The threading rules of streams and servers: a loop-confined method called from a thread that
 * is not the loop's throws {@link IllegalStateException} before it changes anything, and the
 * thread-safe accessors answer from any thread. Runs through a one-line subclass per backend,
 * like {@link TransportContract}.
 *
 * @since 0.1
 */
public abstract class TransportThreadingContract extends TransportFixture {

  @ParameterizedTest(name = "{0}")
  @EnumSource(TransportPair.Kind.class)
  public void closingAStreamFromAnotherThreadThrowsAndLeavesItOpenWithItsReaderWaiting(
      TransportPair.Kind kind) {
    run(
        loop -> {
          try (TransportPair pair = kind.open(loop)) {
            AsyncStream reader = pair.reader();
            Task<String> first = loop.spawn("first reader", () -> text(reader.readLine()));
            untilSuspended(loop, first);

            Throwable thrown = ForeignThread.call(reader::close);

            assertInstanceOf(IllegalStateException.class, thrown);
            assertEquals(ForeignThread.confinedMessage("AsyncStream.close"), thrown.getMessage());
            assertFalse(reader.isClosed());
            loop.yieldNow();
            assertFalse(first.isDone());
            pair.writer().write(bytes("hello\n"));
            assertEquals("hello\n", first.await());

            Task<String> second = loop.spawn("second reader", () -> text(reader.readLine()));
            untilSuspended(loop, second);
            reader.close();
            UncheckedExecutionException e =
                assertThrows(UncheckedExecutionException.class, second::await);
            assertInstanceOf(StreamClosedException.class, e.getCause());
            assertTrue(reader.isClosed());
          }
          return null;
        });
  }

  @Test
  public void closingAServerFromAnotherThreadThrowsAndTheServerGoesOnAccepting() {
    run(
        loop -> {
          Server server = loop.listen("127.0.0.1", 0, stream -> stream.write(bytes("hi\n")));
          Task<Void> serving =
              loop.spawn(
                  "serving",
                  () -> {
                    server.serveForever();
                    return null;
                  });
          untilSuspended(loop, serving);

          Throwable thrown = ForeignThread.call(server::close);

          assertInstanceOf(IllegalStateException.class, thrown);
          assertEquals(ForeignThread.confinedMessage("Server.close"), thrown.getMessage());
          try (AsyncStream client = loop.connect("127.0.0.1", server.localAddress().getPort())) {
            assertEquals("hi\n", text(client.readLine()));
          }
          assertFalse(serving.isDone());
          server.close();
          serving.await();
          return null;
        });
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TransportPair.Kind.class)
  public void everyLoopConfinedStreamMethodThrowsFromAnotherThreadAndChangesNothing(
      TransportPair.Kind kind) {
    run(
        loop -> {
          try (TransportPair pair = kind.open(loop)) {
            AsyncStream reader = pair.reader();
            AsyncStream writer = pair.writer();
            writer.write(bytes("one\ntwo\n"));
            AsyncIterator<byte[]> lines = reader.lines().iterator();
            for (Call call : readerCalls(lines)) {
              assertConfined(call, reader);
            }
            for (Call call : writerCalls()) {
              assertConfined(call, writer);
            }

            assertFalse(reader.isClosed());
            assertFalse(writer.isClosed());
            assertEquals(64 * 1024, reader.lineLimit());
            assertEquals(0, writer.pendingOutput());
            assertTrue(lines.hasNext());
            assertEquals("one\n", text(lines.next()));
            assertEquals("two\n", text(reader.readLine()));
            writer.write(bytes("three\n"));
            assertEquals("three\n", text(reader.readLine()));
            writer.shutdownOutput();
            assertNull(reader.readLine());
          }
          return null;
        });
  }

  @Test
  public void everyLoopConfinedServerMethodThrowsFromAnotherThreadAndChangesNothing() {
    run(
        loop -> {
          Server server = loop.listen("127.0.0.1", 0, stream -> stream.write(bytes("hi\n")));
          for (Call call :
              List.of(
                  new Call("Server.serveForever", s -> server.serveForever()),
                  new Call("Server.close", s -> server.close()),
                  new Call("Server.closeAll", s -> server.closeAll()))) {
            assertConfined(call, null);
          }

          try (AsyncStream client = loop.connect("127.0.0.1", server.localAddress().getPort())) {
            assertEquals("hi\n", text(client.readLine()));
          }
          server.close();
          return null;
        });
  }

  @Test
  public void aServersAddressAndConnectionCountAndAStreamsClosedFlagAnswerOnAnyThread() {
    run(
        loop -> {
          Promise<Void> release = loop.newFuture();
          Server server = loop.listen("127.0.0.1", 0, stream -> release.await());
          AsyncStream client = loop.connect("127.0.0.1", server.localAddress().getPort());
          eventually(loop, () -> server.connections() == 1, "the handler runs");
          AtomicReference<String> seen = new AtomicReference<>();
          ForeignThread.Action look =
              () ->
                  seen.set(
                      server.localAddress() + " " + server.connections() + " " + client.isClosed());

          assertNull(ForeignThread.call(look));
          assertEquals(server.localAddress() + " 1 false", seen.get());
          client.close();
          release.complete(null);
          eventually(loop, () -> server.connections() == 0, "the handler returned");
          assertNull(ForeignThread.call(look));
          assertEquals(server.localAddress() + " 0 true", seen.get());
          server.close();
          return null;
        });
  }

  private static void assertConfined(Call call, AsyncStream stream) {
    Throwable thrown = ForeignThread.call(() -> call.action().on(stream));
    assertInstanceOf(IllegalStateException.class, thrown, call.method());
    assertEquals(ForeignThread.confinedMessage(call.method()), thrown.getMessage());
  }

  /** A call on one end of a pair. */
  @FunctionalInterface
  private interface StreamAction {
    void on(AsyncStream stream) throws Exception;
  }

  /** A loop-confined method, by the name its message quotes, and a call of it. */
  private record Call(String method, StreamAction action) {}

  /** Every loop-confined method of a stream's reading side, and of its line iterator. */
  private static List<Call> readerCalls(AsyncIterator<byte[]> lines) {
    return List.of(
        new Call("AsyncStream.readLine", AsyncStream::readLine),
        new Call("AsyncStream.readUntil", s -> s.readUntil((byte) ';')),
        new Call("AsyncStream.readExactly", s -> s.readExactly(1)),
        new Call("AsyncStream.readChunk", s -> s.readChunk(1)),
        new Call("AsyncStream.read", s -> s.read(1)),
        new Call("AsyncStream.read", s -> s.read(ByteBuffer.allocate(1))),
        new Call("AsyncStream.readAll", AsyncStream::readAll),
        new Call("AsyncStream.lines", AsyncStream::lines),
        new Call("AsyncStream.chunks", s -> s.chunks(1)),
        new Call("AsyncStream.lineLimit", AsyncStream::lineLimit),
        new Call("AsyncStream.lineLimit", s -> s.lineLimit(1)),
        new Call("AsyncStream.localAddress", AsyncStream::localAddress),
        new Call("AsyncStream.remoteAddress", AsyncStream::remoteAddress),
        new Call("AsyncIterator.hasNext", s -> lines.hasNext()),
        new Call("AsyncIterator.next", s -> lines.next()),
        new Call("AsyncIterator.close", s -> lines.close()),
        new Call("AsyncStream.close", AsyncStream::close));
  }

  /** Every loop-confined method of a stream's writing side. */
  private static List<Call> writerCalls() {
    return List.of(
        new Call("AsyncStream.write", s -> s.write(bytes("lost\n"))),
        new Call("AsyncStream.write", s -> s.write(ByteBuffer.wrap(bytes("lost\n")))),
        new Call("AsyncStream.drain", AsyncStream::drain),
        new Call("AsyncStream.flush", AsyncStream::flush),
        new Call("AsyncStream.writeLimits", s -> s.writeLimits(1, 0)),
        new Call("AsyncStream.pendingOutput", AsyncStream::pendingOutput),
        new Call("AsyncStream.shutdownOutput", AsyncStream::shutdownOutput),
        new Call("AsyncStream.close", AsyncStream::close));
  }
}

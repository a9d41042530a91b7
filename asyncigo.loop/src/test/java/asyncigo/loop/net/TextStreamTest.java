package asyncigo.loop.net;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_16;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.Loop;
import asyncigo.api.Task;
import asyncigo.api.iter.AsyncIterator;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.LineTooLongException;
import asyncigo.api.net.Pipe;
import asyncigo.api.net.Server;
import asyncigo.api.net.TextStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** {@code AsyncStream.text(charset)}: lines and strings over real pipes and sockets. */
class TextStreamTest {
  private interface PipeBody {
    void run(Loop loop, AsyncStream sink, TextStream source) throws Exception;
  }

  private static void onPipe(PipeBody body) {
    try (Loop loop = Loop.open()) {
      loop.run(() -> {
        Pipe pipe = loop.pipe();
        try (AsyncStream sink = pipe.sink(); AsyncStream source = pipe.source()) {
          body.run(loop, sink, source.text(UTF_8));
        }
        return null;
      });
    }
  }

  private static void send(AsyncStream sink, byte[] bytes) throws Exception {
    sink.write(bytes);
    sink.flush();
  }

  @Test
  void linesComeWithoutTheirTerminatorAndTheLastUnterminatedOneBeforeNull() {
    onPipe((loop, sink, text) -> {
      send(sink, "one\ntwo\r\n\nlast".getBytes(UTF_8));
      sink.close();
      assertEquals("one", text.readLine());
      assertEquals("two", text.readLine());
      assertEquals("", text.readLine());
      assertEquals("last", text.readLine());
      assertNull(text.readLine());
    });
  }

  @Test
  void aCharacterSplitAcrossTwoArrivalsDecodesWhole() {
    onPipe((loop, sink, text) -> {
      byte[] line = "héllo wörld ✓\n".getBytes(UTF_8);
      Task<String> reader = loop.spawn(text::readLine);
      loop.yieldNow();
      send(sink, java.util.Arrays.copyOfRange(line, 0, 2)); // 'h' and the first byte of 'é'
      loop.yieldNow();
      assertFalse(reader.isDone());
      send(sink, java.util.Arrays.copyOfRange(line, 2, line.length));
      assertEquals("héllo wörld ✓", reader.await());
    });
  }

  @Test
  void textAndByteReadsOfOneStreamInterleaveWithoutLosingAByte() {
    onPipe((loop, sink, text) -> {
      send(sink, "HEADER ü\r\n\u0000\u0001\u0002body\nnext".getBytes(UTF_8));
      sink.close();
      assertEquals("HEADER ü", text.readLine());
      assertArrayEquals(new byte[] {0, 1, 2}, text.stream().readExactly(3));
      assertEquals("body", text.readLine());
      assertEquals("next", text.readAll());
      assertEquals("", text.readAll());
    });
  }

  @Test
  void writeAndWriteLineEncodeInTheViewsCharset() throws Exception {
    try (Loop loop = Loop.open()) {
      byte[] received = loop.run(() -> {
        Pipe pipe = loop.pipe();
        TextStream latin1 = pipe.sink().text(ISO_8859_1);
        latin1.write("é");
        latin1.writeLine(new StringBuilder("ß"));
        pipe.sink().flush();
        pipe.sink().close();
        byte[] all = pipe.source().readAll();
        pipe.source().close();
        return all;
      });
      assertArrayEquals(new byte[] {(byte) 0xE9, (byte) 0xDF, '\n'}, received);
    }
  }

  @Test
  void aTextEchoServerAnswersLineByLineOverTcp() throws Exception {
    try (Loop loop = Loop.open()) {
      List<String> replies = loop.run(() -> {
        Server server = loop.listen("127.0.0.1", 0, s -> {
          TextStream t = s.text(UTF_8);
          for (String line : t.lines()) {
            t.writeLine(line.toUpperCase());
          }
        });
        try (server; AsyncStream conn = loop.connect("127.0.0.1", server.localAddress().getPort())) {
          TextStream t = conn.text(UTF_8);
          List<String> got = new ArrayList<>();
          for (String word : List.of("grüß", "gott")) {
            t.writeLine(word);
            got.add(t.readLine());
          }
          return got;
        }
      });
      assertEquals(List.of("GRÜSS", "GOTT"), replies);
    }
  }

  @Test
  void closingTheLinesIteratorEarlyPutsTheFetchedLineBack() {
    onPipe((loop, sink, text) -> {
      send(sink, "a\nb\n".getBytes(UTF_8));
      try (AsyncIterator<String> lines = text.lines().iterator()) {
        assertEquals("a", lines.next());
        assertTrue(lines.hasNext());
      }
      assertEquals("b", text.readLine());
    });
  }

  @Test
  void aLineOverTheLimitThrowsAndStaysReadable() {
    onPipe((loop, sink, text) -> {
      text.stream().lineLimit(4);
      send(sink, "toolong\n".getBytes(UTF_8));
      sink.close();
      assertThrows(LineTooLongException.class, text::readLine);
      assertEquals("toolong\n", new String(text.stream().readAll(), UTF_8));
    });
  }

  @Test
  void aCharsetWithoutSingleByteLineEndsIsRejectedByName() {
    onPipe((loop, sink, text) -> {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> sink.text(UTF_16));
      assertEquals(
          "a text view needs a charset that writes '\\r' and '\\n' as the single bytes 13 and 10,"
              + " such as UTF-8, US-ASCII or ISO-8859-1; UTF-16 does not",
          e.getMessage());
      assertEquals("charset", assertThrows(NullPointerException.class, () -> sink.text(null))
          .getMessage());
      assertEquals("text", assertThrows(NullPointerException.class, () -> text.write(null))
          .getMessage());
    });
  }

  @Test
  void aReadFromAnotherThreadFailsLikeTheStreamsOwn() {
    onPipe((loop, sink, text) -> {
      ExecutionException e = assertThrows(
          ExecutionException.class,
          () -> CompletableFuture.supplyAsync(() -> {
            try {
              return text.readLine();
            } catch (java.io.IOException io) {
              throw new java.io.UncheckedIOException(io);
            }
          }).get());
      assertTrue(e.getCause() instanceof IllegalStateException, e.toString());
      assertTrue(e.getCause().getMessage().startsWith("AsyncStream.readLine is loop-confined"),
          e.getCause().getMessage());
      assertSame(UTF_8, text.charset());
    });
  }
}

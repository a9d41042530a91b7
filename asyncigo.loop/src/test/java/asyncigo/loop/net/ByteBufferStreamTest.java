package asyncigo.loop.net;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.Task;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.Pipe;
import asyncigo.api.net.Server;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@code AsyncStream.read(ByteBuffer)} and {@code write(ByteBuffer)}, on real pipes and sockets. */
class ByteBufferStreamTest {

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    new Random(42).nextBytes(b);
    return b;
  }

  private static byte[] readToEnd(AsyncStream in, ByteBuffer buf) throws Exception {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    while (in.read(buf.clear()) >= 0) {
      buf.flip();
      byte[] chunk = new byte[buf.remaining()];
      buf.get(chunk);
      all.write(chunk);
    }
    return all.toByteArray();
  }

  @Test
  void aDirectBufferEchoServerReturnsEveryByteOverTcp() throws Exception {
    byte[] data = randomBytes(1 << 20);
    try (Loop loop = Loop.open()) {
      byte[] echoed =
          loop.run(
              () -> {
                Server server =
                    loop.listen(
                        "127.0.0.1",
                        0,
                        s -> {
                          ByteBuffer buf = ByteBuffer.allocateDirect(64 * 1024);
                          while (s.read(buf.clear()) >= 0) {
                            s.write(buf.flip());
                            s.drain();
                          }
                          s.shutdownOutput();
                        });
                try (server;
                    AsyncStream conn = loop.connect("127.0.0.1", server.localAddress().getPort())) {
                  Task<byte[]> reader = loop.spawn(() -> readToEnd(conn, ByteBuffer.allocateDirect(8192)));
                  ByteBuffer out = ByteBuffer.allocateDirect(64 * 1024);
                  for (int off = 0; off < data.length; off += out.capacity()) {
                    out.clear().put(data, off, Math.min(out.capacity(), data.length - off)).flip();
                    conn.write(out);
                    conn.drain();
                  }
                  conn.shutdownOutput();
                  return reader.await();
                }
              });
      assertArrayEquals(data, echoed);
    }
  }

  @Test
  void readTakesBufferedBytesFirstThenReportsEndOfStream() throws Exception {
    try (Loop loop = Loop.open()) {
      loop.run(
          () -> {
            Pipe pipe = loop.pipe();
            pipe.sink().write("line one\nrest".getBytes(UTF_8));
            pipe.sink().flush();
            pipe.sink().close();
            assertArrayEquals("line one\n".getBytes(UTF_8), pipe.source().readLine());
            ByteBuffer buf = ByteBuffer.allocate(100);
            assertEquals(4, pipe.source().read(buf));
            assertEquals("rest", new String(buf.array(), 0, buf.position(), UTF_8));
            assertEquals(-1, pipe.source().read(buf.clear()));
            pipe.source().close();
            return null;
          });
    }
  }

  @Test
  void aWrittenBufferIsConsumedAndMayBeReusedAtOnce() throws Exception {
    byte[] data = randomBytes(1 << 20);
    try (Loop loop = Loop.open()) {
      byte[] received =
          loop.run(
              () -> {
                Pipe pipe = loop.pipe();
                Task<byte[]> reader =
                    loop.spawn(() -> readToEnd(pipe.source(), ByteBuffer.allocate(4096)));
                ByteBuffer buf = ByteBuffer.wrap(data.clone());
                Future<Void> written = pipe.sink().write(buf);
                assertEquals(buf.limit(), buf.position());
                buf.clear();
                while (buf.hasRemaining()) {
                  buf.put((byte) 0);
                }
                written.await();
                pipe.sink().close();
                return reader.await();
              });
      assertArrayEquals(data, received);
    }
  }

  @Test
  void readRejectsABufferWithNoRoom() throws Exception {
    try (Loop loop = Loop.open()) {
      loop.run(
          () -> {
            Pipe pipe = loop.pipe();
            assertThrows(IllegalArgumentException.class, () -> pipe.source().read(ByteBuffer.allocate(0)));
            pipe.source().close();
            pipe.sink().close();
            return null;
          });
    }
  }
}

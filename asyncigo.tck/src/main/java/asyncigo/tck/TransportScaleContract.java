package asyncigo.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import asyncigo.api.Loop;
import asyncigo.api.Task;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.Server;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The scale tests of the transport contract: no descriptor leaks over many short connections,
 * and many concurrent connections on one loop. Run through {@link TransportContract}.
 *
 * @since 0.1
 */
public abstract class TransportScaleContract extends TransportFixture {
  private static final String LOOPBACK = "127.0.0.1";

  /** How many connect-echo-close cycles the descriptor test makes: 10,000 for plain TCP. */
  protected int connectCycles() {
    return 10_000;
  }

  /** How many connections echo a mebibyte at once: 1,000 for plain TCP. */
  protected int concurrentConnections() {
    return 1000;
  }

  @Test
  public void manyConnectEchoCloseCyclesLeaveTheDescriptorCountUnchanged() {
    Path fds = Path.of("/proc/self/fd");
    Assumptions.assumeTrue(Files.isDirectory(fds), "needs /proc/self/fd (Linux)");
    run(
        loop -> {
          Server server = loop.listen(LOOPBACK, 0, s -> s.write(s.readExactly(4)));
          int port = server.localAddress().getPort();
          connectEchoClose(loop, port, 100);
          eventually(loop, () -> server.connections() == 0, "the warm-up handlers returned");
          long before = openDescriptors(fds);
          connectEchoClose(loop, port, connectCycles());
          eventually(loop, () -> server.connections() == 0, "every handler returned");
          assertEquals(before, openDescriptors(fds), "open descriptors before and after");
          server.close();
          return null;
        });
  }

  @Test
  public void manyConcurrentConnectionsEachEchoAMebibyteIntact() {
    int connections = concurrentConnections();
    byte[][] chunks = new byte[16][64 * 1024];
    Random random = new Random(1000);
    for (byte[] chunk : chunks) {
      random.nextBytes(chunk);
    }
    run(
        loop -> {
          Server server = loop.listen(LOOPBACK, 0, TransportFixture::echo);
          int port = server.localAddress().getPort();
          List<Task<Void>> clients = new ArrayList<>();
          for (int i = 0; i < connections; i++) {
            int id = i;
            clients.add(loop.spawn("client " + id, () -> echoMebibyte(loop, port, chunks, id)));
          }
          for (Task<Void> client : clients) {
            client.await();
          }
          eventually(loop, () -> server.connections() == 0, "every handler returned");
          server.close();
          return null;
        });
  }

  private static void connectEchoClose(Loop loop, int port, int cycles) throws IOException {
    byte[] ping = bytes("ping");
    for (int i = 0; i < cycles; i++) {
      AsyncStream client = loop.connect(LOOPBACK, port);
      client.write(ping);
      assertArrayEquals(ping, client.readExactly(4));
      client.close();
    }
  }

  /**
   * Sends the 16 chunks (starting at a rotation of its own, the first stamped with the
   * connection's id) from one task, reads the echo in another, and compares checksums.
   */
  private static Void echoMebibyte(Loop loop, int port, byte[][] chunks, int id)
      throws IOException {
    AsyncStream client = loop.connect(LOOPBACK, port);
    try {
      Task<Long> sender =
          loop.spawn(
              () -> {
                CRC32 sent = new CRC32();
                for (int k = 0; k < chunks.length; k++) {
                  byte[] chunk = chunks[(id + k) % chunks.length];
                  if (k == 0) {
                    chunk = chunk.clone();
                    ByteBuffer.wrap(chunk).putInt(id);
                  }
                  client.write(chunk);
                  sent.update(chunk);
                  client.drain();
                }
                client.shutdownOutput();
                return sent.getValue();
              });
      CRC32 received = new CRC32();
      long count = 0;
      byte[] piece;
      while ((piece = client.read(64 * 1024)) != null) {
        received.update(piece);
        count += piece.length;
      }
      long sent = sender.await();
      assertEquals(1 << 20, count, "connection " + id + " got every byte back");
      assertEquals(sent, received.getValue(), "connection " + id + " got its own bytes back");
      return null;
    } finally {
      client.close();
    }
  }
}

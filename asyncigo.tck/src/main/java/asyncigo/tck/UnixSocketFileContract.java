package asyncigo.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.Loop;
import asyncigo.api.LoopOptions;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.Server;
import asyncigo.api.net.StaleSocketFile;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The socket-file rules of Unix domain sockets: the server deletes its file when it or its loop
 * closes; a file already at the path is reported (in use, stale, not a socket) and only a stale
 * socket is replaced, when asked; a path too long or in a missing folder fails before anything is
 * created; and many connections leak no descriptor. A backend runs it with a one-line subclass.
 *
 * @since 0.1
 */
public abstract class UnixSocketFileContract extends UnixSocketFixture {
  private static final Path FDS = Path.of("/proc/self/fd");

  /** How many connect-echo-close cycles the descriptor test makes: 10,000. */
  protected int connectCycles() {
    return 10_000;
  }

  @Test
  public void closingTheServerDeletesItsSocketFileSoTheSamePathCanBeListenedOnAgain() {
    Path path = socket("s");
    run(
        loop -> {
          Server server = loop.listenUnix(path, TransportFixture::echo);
          assertTrue(Files.exists(path), "the socket file is created");
          server.close();
          assertFalse(Files.exists(path), "the socket file is deleted on close");
          server.close();
          Server again = loop.listenUnix(path, TransportFixture::echo);
          assertEquals("ping", echoed(loop, path));
          again.closeAll();
          assertFalse(Files.exists(path));
          return null;
        });
  }

  @Test
  public void closingTheLoopDeletesTheSocketFilesOfItsServers() {
    Path path = socket("s");
    try (Loop loop = Loop.open(LoopOptions.defaults().poller(pollerName()))) {
      loop.run(() -> loop.listenUnix(path, TransportFixture::echo));
      assertTrue(Files.exists(path));
    }
    assertFalse(Files.exists(path), "the loop closed its server, which deleted the file");
  }

  @Test
  public void aServerDoesNotDeleteASocketFileThatReplacedItsOwn() {
    Path path = socket("s");
    run(
        loop -> {
          Server first = loop.listenUnix(path, TransportFixture::echo);
          Files.delete(path);
          Server second = loop.listenUnix(path, TransportFixture::echo);
          first.close();
          assertTrue(Files.exists(path), "the second server's file is still there");
          assertEquals("ping", echoed(loop, path));
          second.closeAll();
          return null;
        });
  }

  @Test
  public void aStaleSocketFileIsReportedWithItsPathAndReplacedOnlyWhenAsked() throws IOException {
    Path path = socket("stale");
    leaveStaleSocketFile(path);
    run(
        loop -> {
          BindException e =
              assertThrows(BindException.class, () -> loop.listenUnix(path, TransportFixture::echo));
          assertEquals(
              "stale Unix domain socket file " + path + " (nothing listens on it): delete it,"
                  + " or listen with StaleSocketFile.REPLACE to replace it",
              e.getMessage());
          ConnectException refused =
              assertThrows(ConnectException.class, () -> loop.connectUnix(path));
          assertEquals("Connection refused: unix:" + path, refused.getMessage());
          Server server =
              loop.listenUnix(path, StaleSocketFile.REPLACE, TransportFixture::echo);
          assertEquals("ping", echoed(loop, path));
          server.closeAll();
          return null;
        });
  }

  @Test
  public void aSocketALiveServerListensOnIsNeverReplaced() {
    Path path = socket("live");
    run(
        loop -> {
          Server live = loop.listenUnix(path, TransportFixture::echo);
          for (StaleSocketFile stale : StaleSocketFile.values()) {
            BindException e =
                assertThrows(
                    BindException.class,
                    () -> loop.listenUnix(path, stale, TransportFixture::echo));
            assertEquals(
                "Address already in use: a process listens on the Unix domain socket " + path,
                e.getMessage());
          }
          assertEquals("ping", echoed(loop, path));
          live.closeAll();
          return null;
        });
  }

  @Test
  public void aFileThatIsNotASocketIsNeverDeleted() throws IOException {
    Path path = socket("data.txt");
    Files.writeString(path, "keep me");
    run(
        loop -> {
          for (StaleSocketFile stale : StaleSocketFile.values()) {
            BindException e =
                assertThrows(
                    BindException.class,
                    () -> loop.listenUnix(path, stale, TransportFixture::echo));
            assertEquals(
                "Address already in use: " + path + " exists and is not a socket (it is left"
                    + " alone)",
                e.getMessage());
          }
          return null;
        });
    assertEquals("keep me", Files.readString(path));
  }

  @Test
  public void aPathLongerThanTheOsLimitFailsBeforeAnythingIsCreated() throws IOException {
    Assumptions.assumeTrue(
        System.getProperty("os.name").startsWith("Linux"), "Linux's sun_path: 108 bytes");
    Path path = socket("x".repeat(120));
    int length = path.toString().length();
    String expected =
        "Unix domain socket path too long: " + length + " bytes, the limit is 107 (108 with the"
            + " terminating NUL): " + path;
    run(
        loop -> {
          IllegalArgumentException listen =
              assertThrows(
                  IllegalArgumentException.class,
                  () -> loop.listenUnix(path, TransportFixture::echo));
          assertEquals(expected, listen.getMessage());
          IllegalArgumentException connect =
              assertThrows(IllegalArgumentException.class, () -> loop.connectUnix(path));
          assertEquals(expected, connect.getMessage());
          return null;
        });
    try (var files = Files.list(dir)) {
      assertEquals(List.of(), files.toList(), "nothing was created");
    }
  }

  @Test
  public void aPathInAMissingFolderOrToNoFileFailsNamingIt() {
    Path folder = dir.resolve("missing");
    Path path = folder.resolve("s");
    run(
        loop -> {
          NoSuchFileException e =
              assertThrows(
                  NoSuchFileException.class, () -> loop.listenUnix(path, TransportFixture::echo));
          assertEquals(
              path + ": cannot listen: the folder " + folder + " does not exist", e.getMessage());
          ConnectException missing =
              assertThrows(ConnectException.class, () -> loop.connectUnix(socket("nobody")));
          assertEquals(
              "No such file or directory: unix:" + socket("nobody"), missing.getMessage());
          return null;
        });
  }

  @Test
  public void manyConnectEchoCloseCyclesLeaveTheDescriptorCountUnchanged() {
    Assumptions.assumeTrue(Files.isDirectory(FDS), "needs /proc/self/fd (Linux)");
    Path path = socket("cycles");
    run(
        loop -> {
          Server server = loop.listenUnix(path, s -> s.write(s.readExactly(4)));
          connectEchoClose(loop, path, 100);
          eventually(loop, () -> server.connections() == 0, "the warm-up handlers returned");
          long before = openDescriptors(FDS);
          connectEchoClose(loop, path, connectCycles());
          eventually(loop, () -> server.connections() == 0, "every handler returned");
          assertEquals(before, openDescriptors(FDS), "open descriptors before and after");
          server.close();
          return null;
        });
  }

  private static void connectEchoClose(Loop loop, Path path, int cycles) throws IOException {
    byte[] ping = bytes("ping");
    for (int i = 0; i < cycles; i++) {
      AsyncStream client = loop.connectUnix(path);
      client.write(ping);
      assertArrayEquals(ping, client.readExactly(4));
      client.close();
    }
  }

  /** Sends "ping" to the echo server at {@code path} and returns what came back. */
  private static String echoed(Loop loop, Path path) throws IOException {
    try (AsyncStream client = loop.connectUnix(path)) {
      client.write(bytes("ping"));
      client.shutdownOutput();
      return text(client.readAll());
    }
  }

  /** Binds a socket at {@code path} and closes it: the file stays, and nothing listens on it. */
  private static void leaveStaleSocketFile(Path path) throws IOException {
    try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      dead.bind(UnixDomainSocketAddress.of(path));
    }
  }
}

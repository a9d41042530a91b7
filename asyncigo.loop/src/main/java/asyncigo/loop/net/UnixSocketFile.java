package asyncigo.loop.net;

import asyncigo.api.net.StaleSocketFile;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Objects;

/**
 * The socket file of a Unix domain socket: the rules {@link asyncigo.api.Loop#listenUnix} and
 * {@link asyncigo.api.Loop#connectUnix} check before the poller opens anything, and the deletion
 * of a server's file when it closes. Loop-confined.
 *
 * <p>Rules, in the order checked: the path must fit in {@code sun_path} (its bytes in the JDK's
 * file-name encoding, as {@link UnixDomainSocketAddress} encodes them); a listener's folder must
 * exist; a file already at a listener's path is looked at without following links: a socket that
 * accepts a probe connection is in use, a socket that refuses it is stale (replaced only when the
 * user asked), anything else is never touched.
 *
 * <p>Deletion: after binding, {@link #created} records the file's identity ({@code fileKey}: device
 * and inode); {@link #delete} removes the file only if the path still names that very file, so a
 * server never deletes a socket another process bound at the same path after it.
 */
final class UnixSocketFile {
  /** {@code sizeof(sun_path)}: 108 bytes on Linux, 104 on BSD and macOS, NUL included. */
  static final int PATH_LIMIT =
      System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux") ? 108 : 104;

  /** How the JDK encodes file names for the OS (and so for {@code sun_path}). */
  private static final Charset FILE_NAMES =
      Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"), Charset.defaultCharset());

  /** {@code S_IFMT} and {@code S_IFSOCK} of {@code st_mode}. */
  private static final int S_IFMT = 0170000;
  private static final int S_IFSOCK = 0140000;

  private final Path path;
  private final UnixDomainSocketAddress address;
  private Object fileKey;

  private UnixSocketFile(Path path) {
    this.path = path;
    this.address = UnixDomainSocketAddress.of(path);
  }

  /**
   * The socket file at {@code path}, whose length is checked.
   *
   * @throws IllegalArgumentException if the path does not fit in {@code sun_path}
   */
  static UnixSocketFile at(Path path) {
    Objects.requireNonNull(path, "path");
    int length = path.toString().getBytes(FILE_NAMES).length;
    if (length >= PATH_LIMIT) {
      throw new IllegalArgumentException(
          "Unix domain socket path too long: " + length + " bytes, the limit is "
              + (PATH_LIMIT - 1) + " (" + PATH_LIMIT + " with the terminating NUL): " + path);
    }
    return new UnixSocketFile(path);
  }

  /** The address to bind or connect to. */
  UnixDomainSocketAddress address() {
    return address;
  }

  /** {@code "unix:PATH"}, how messages and task names show the socket. */
  static String text(UnixDomainSocketAddress address) {
    return "unix:" + address.getPath();
  }

  /**
   * Makes the path free to bind: checks the folder and a file already there, deleting a stale
   * socket file when {@code stale} is {@link StaleSocketFile#REPLACE}.
   *
   * @throws NoSuchFileException if the folder does not exist
   * @throws BindException if a file that must stay is at the path
   */
  void prepareToBind(StaleSocketFile stale) throws IOException {
    Objects.requireNonNull(stale, "stale");
    Path folder = path.toAbsolutePath().getParent();
    if (folder != null && !Files.isDirectory(folder)) {
      throw new NoSuchFileException(
          path.toString(), null, "cannot listen: the folder " + folder + " does not exist");
    }
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!isSocket()) {
      throw new BindException(
          "Address already in use: " + path + " exists and is not a socket (it is left alone)");
    }
    if (accepts()) {
      throw new BindException(
          "Address already in use: a process listens on the Unix domain socket " + path);
    }
    if (stale == StaleSocketFile.FAIL) {
      throw new BindException(
          "stale Unix domain socket file " + path + " (nothing listens on it): delete it, or"
              + " listen with StaleSocketFile.REPLACE to replace it");
    }
    Files.deleteIfExists(path);
  }

  /** Records the identity of the file the bind just created, for {@link #delete}. */
  void created() {
    fileKey = key();
  }

  /** Deletes the socket file if the path still names the one this server created. Never throws. */
  void delete() {
    if (fileKey == null) {
      return;
    }
    Object created = fileKey;
    fileKey = null;
    if (created.equals(key())) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException ignored) {
        // the folder went away or became read-only: nothing of ours is left to clean up
      }
    }
  }

  private Object key() {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
          .fileKey();
    } catch (IOException e) {
      return null;
    }
  }

  /** Whether the file at the path is a socket ({@code unix:mode} where the JDK has it). */
  private boolean isSocket() throws IOException {
    try {
      int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      return (mode & S_IFMT) == S_IFSOCK;
    } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
      return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
          .isOther();
    }
  }

  /**
   * Whether a process listens on the socket: a non-blocking probe connect succeeds or is pending
   * (a full backlog); refused means stale. Local connects never wait, so this does not suspend.
   */
  private boolean accepts() throws IOException {
    try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      probe.configureBlocking(false);
      probe.connect(address);
      return true;
    } catch (ConnectException refused) {
      return false;
    } catch (SocketException otherwise) {
      return true; // a full backlog, say: never delete what may be live
    }
  }

  @Override
  public String toString() {
    return text(address);
  }
}

package asyncigo.tck;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the Unix domain socket contracts share besides {@link TransportFixture}: a fresh folder
 * per test for the socket files, short enough for any {@code sun_path}.
 *
 * @since 0.1
 */
public abstract class UnixSocketFixture extends TransportFixture {
  /** The test's folder for socket files; JUnit deletes it after the test. */
  @TempDir protected Path dir;

  /**
   * {@return the path of a socket file named {@code name} in the test's folder}
   *
   * @param name the file name
   */
  protected Path socket(String name) {
    return dir.resolve(name);
  }
}

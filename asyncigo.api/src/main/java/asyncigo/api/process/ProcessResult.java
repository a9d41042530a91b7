package asyncigo.api.process;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What {@link Subprocess#communicate(byte[])} returns: the exit code and every byte the child
 * wrote to its standard output and standard error (empty for a stream that was not piped). The
 * arrays are the caller's; the record does not copy them. Thread-safe as far as the arrays are.
 *
 * @param exitCode the exit code: 0 to 255, or 128 + N after signal N
 * @param stdout the bytes read from standard output
 * @param stderr the bytes read from standard error
 * @since 0.1
 */
public record ProcessResult(int exitCode, byte[] stdout, byte[] stderr) {
  /**
   * Checks the arrays.
   *
   * @throws NullPointerException if an array is null
   */
  public ProcessResult {
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
  }

  /** {@return standard output decoded as UTF-8} */
  public String stdoutText() {
    return new String(stdout, StandardCharsets.UTF_8);
  }

  /** {@return standard error decoded as UTF-8} */
  public String stderrText() {
    return new String(stderr, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "ProcessResult[exitCode=" + exitCode + ", stdout=" + stdout.length
        + " bytes, stderr=" + stderr.length + " bytes]";
  }
}

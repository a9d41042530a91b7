package asyncigo.loop.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import asyncigo.api.Loop;
import asyncigo.api.LoopOptions;
import asyncigo.api.UnhandledFailure;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.TlsOptions;
import asyncigo.tck.TestCertificates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What the TLS tests share: a fresh loop per test body, the test certificates' options. */
final class TlsTesting {
  static final String LOOPBACK = "127.0.0.1";

  private TlsTesting() {}

  /** A test body that runs as the main task of a fresh loop. */
  @FunctionalInterface
  interface Body<T> {
    T run(Loop loop) throws Exception;
  }

  /** Runs {@code body} on a fresh loop; fails if anything reached the loop's exception handler. */
  static <T> T onLoop(Body<T> body) {
    List<UnhandledFailure> unhandled = Collections.synchronizedList(new ArrayList<>());
    T result;
    try (Loop loop = Loop.open(LoopOptions.defaults().exceptionHandler(unhandled::add))) {
      result = loop.run(() -> body.run(loop));
    }
    assertEquals(List.of(), unhandled, "failures that reached the exception handler");
    return result;
  }

  /** Client options trusting the test CA. */
  static TlsOptions client() {
    return TlsOptions.client(TestCertificates.get().clientContext());
  }

  /** Server options with the good test certificate. */
  static TlsOptions server() {
    return TlsOptions.server(TestCertificates.get().serverContext());
  }

  /** Server options presenting {@code leaf}. */
  static TlsOptions server(TestCertificates.Leaf leaf) {
    return TlsOptions.server(TestCertificates.get().serverContext(leaf));
  }

  /** Echoes every byte until the peer ends its output, then ends its own. */
  static void echo(AsyncStream stream) throws IOException {
    byte[] piece;
    while ((piece = stream.read(64 * 1024)) != null) {
      stream.write(piece);
      stream.drain();
    }
    stream.shutdownOutput();
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String text(byte[] b) {
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }
}

package asyncigo.examples.readme;

import static java.nio.charset.StandardCharsets.UTF_8;

import asyncigo.api.Loop;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.Server;
import asyncigo.test.AsyncigoTest;
import org.junit.jupiter.api.Test;

/** README "TCP streams, servers and pipes": the echo server and its client, on loopback. */
@AsyncigoTest
class EchoServerSnippetTest {
  @Test
  void aClientWritesALineToAnEchoServerAndReadsItBack(Loop loop) throws Exception {
    // The README quotes from here to closeAll.
    // An echo server: one handler task per connection; the stream is closed when it returns.
    Server server = loop.listen("127.0.0.1", 0, stream -> {
      byte[] chunk;
      while ((chunk = stream.read(64 * 1024)) != null) {
        stream.write(chunk);
        stream.drain();                       // backpressure: waits below the low-water mark
      }
    });
    int port = server.localAddress().getPort();

    try (AsyncStream conn = loop.connect("localhost", port)) {   // or loop.connect("localhost:7000")
      conn.write("hello\n".getBytes(UTF_8)).await();              // awaited: the bytes are on the wire
      byte[] line = conn.readLine();                              // "hello\n"; null at end of stream
      conn.shutdownOutput();                                      // half-close: the peer reads EOF
    }
    server.closeAll();                                            // stop accepting, close connections
  }
}

package asyncigo.examples;

import static java.nio.charset.StandardCharsets.UTF_8;

import asyncigo.api.Loop;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.Server;
import asyncigo.iter.AsyncSeq;
import asyncigo.iter.Iter;
import java.io.PrintStream;
import java.util.List;

/**
 * The seed README's asynchronous iterator over a socket: an in-process server sends four lines;
 * a generator dials it, reads the lines and yields the length of each (in code points, without
 * the line break), and the consumer prints them.
 *
 * <pre>
 * 6
 * 12
 * 18
 * 30
 * </pre>
 */
public final class SocketLinesExample {
  private static final List<String> LINES =
      List.of(
          "生麦生米生卵",
          "すもももももももものうち",
          "東京特許許可局長今日急遽休暇許可却下",
          "斜め77度の並びで泣く泣く嘶くナナハン7台難なく並べて長眺め");

  private SocketLinesExample() {}

  public static void main(String[] args) {
    run(new PrintStream(System.out, true, UTF_8));
  }

  /** Runs the server and the consumer on a new loop. */
  public static void run(PrintStream out) {
    try (Loop loop = Loop.open()) {
      loop.run(
          () -> {
            try (Server server = loop.listen("127.0.0.1", 0, SocketLinesExample::sendLines)) {
              int port = server.localAddress().getPort();
              // The README quotes from here to the end of the for loop.
              AsyncSeq<Integer> lengths = Iter.generate(y -> {
                try (AsyncStream stream = Loop.current().connect("127.0.0.1", port)) {
                  for (String line : stream.text(UTF_8).lines()) {
                    y.yield(line.codePointCount(0, line.length()));
                  }
                }
              });
              for (int length : lengths) {
                out.println(length);   // 6 / 12 / 18 / 30
              }
            }
            return null;
          });
    }
  }

  private static void sendLines(AsyncStream stream) throws Exception {
    for (String line : LINES) {
      stream.text(UTF_8).writeLine(line);
    }
    stream.flush();
  }
}

package asyncigo.examples;

import static java.nio.charset.StandardCharsets.UTF_8;

import asyncigo.api.Loop;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.Server;
import asyncigo.iter.Iter;
import java.io.PrintStream;
import java.util.List;

/**
 * The seed README's {@code Chain} of two {@code DialLines}: two in-process servers each send
 * their lines, and the lines of both connections are printed one connection after the other.
 * Each connection is closed when its lines end.
 *
 * <pre>
 * got line: Lorem ipsum dolor sit amet.
 * got line: Donec non velit consequat.
 * got line: Donec interdum in nulla ac scelerisque.
 * got line: Duis commodo, neque ac luctus eleifend.
 * got line: Fusce lacinia id quam ac porttitor.
 * got line: 生麦生米生卵
 * got line: すもももももももものうち
 * got line: 東京特許許可局長今日急遽休暇許可却下
 * got line: 斜め77度の並びで泣く泣く嘶くナナハン7台難なく並べて長眺め
 * </pre>
 */
public final class ChainLinesExample {
  private static final List<String> LATIN =
      List.of(
          "Lorem ipsum dolor sit amet.",
          "Donec non velit consequat.",
          "Donec interdum in nulla ac scelerisque.",
          "Duis commodo, neque ac luctus eleifend.",
          "Fusce lacinia id quam ac porttitor.");
  private static final List<String> JAPANESE =
      List.of(
          "生麦生米生卵",
          "すもももももももものうち",
          "東京特許許可局長今日急遽休暇許可却下",
          "斜め77度の並びで泣く泣く嘶くナナハン7台難なく並べて長眺め");

  private ChainLinesExample() {}

  public static void main(String[] args) {
    run(new PrintStream(System.out, true, UTF_8));
  }

  /** Runs both servers and the consumer on a new loop. */
  public static void run(PrintStream out) {
    try (Loop loop = Loop.open()) {
      loop.run(
          () -> {
            try (Server latin = loop.listen("127.0.0.1", 0, stream -> send(stream, LATIN));
                Server japanese = loop.listen("127.0.0.1", 0, stream -> send(stream, JAPANESE))) {
              int first = latin.localAddress().getPort();
              int second = japanese.localAddress().getPort();
              // The README quotes this loop.
              for (byte[] line : Iter.chain(Iter.dialLines("127.0.0.1", first), Iter.dialLines("127.0.0.1", second))) {
                out.print("got line: " + new String(line, UTF_8));
              }
            }
            return null;
          });
    }
  }

  private static void send(AsyncStream stream, List<String> lines) throws Exception {
    for (String line : lines) {
      stream.write((line + "\n").getBytes(UTF_8));
    }
    stream.flush();
  }
}

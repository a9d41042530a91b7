package asyncigo.examples;

import static java.nio.charset.StandardCharsets.UTF_8;

import asyncigo.api.Loop;
import asyncigo.api.net.Datagram;
import asyncigo.api.net.DatagramEndpoint;
import asyncigo.api.net.DatagramOptions;
import java.io.PrintStream;
import java.net.InetSocketAddress;

/**
 * A UDP echo endpoint and a client on 127.0.0.1: the client sends {@code ping} and prints the
 * echo.
 *
 * <pre>
 * udp echo: ping
 * </pre>
 */
public final class UdpExample {
  private UdpExample() {}

  public static void main(String[] args) {
    run(new PrintStream(System.out, true, UTF_8));
  }

  /** Runs the echo endpoint and the client on a new loop. */
  public static void run(PrintStream out) {
    try (Loop loop = Loop.open()) {
      loop.run(() -> {
        // An echo endpoint: every datagram goes back to its sender, whole.
        DatagramEndpoint echo = loop.openDatagram(new InetSocketAddress("127.0.0.1", 0));
        loop.spawn("udp echo", () -> {
          for (Datagram datagram : echo.datagrams()) {    // ends when the endpoint closes
            echo.send(datagram.payload(), datagram.sender());
          }
          return null;
        });

        // A client connected to it: send(payload) needs no address; receive() awaits the reply.
        DatagramOptions toEcho = DatagramOptions.defaults().connect(echo.localAddress());
        try (DatagramEndpoint client =
            loop.openDatagram(new InetSocketAddress("127.0.0.1", 0), toEcho)) {
          client.send("ping".getBytes(UTF_8));
          Datagram reply = client.receive();             // the payload and its sender
          out.println("udp echo: " + new String(reply.payload(), UTF_8));
        }
        echo.close();
        return null;
      });
    }
  }
}

package asyncigo.tck;

import java.io.Closeable;
import java.io.IOException;
import java.net.Socket;

/**
 * A blocking peer of the transport contract, on a helper thread: {@code socket} speaks the
 * transport under test (over TLS it is an {@link javax.net.ssl.SSLSocket} whose handshake is done)
 * and {@code plain} is the TCP socket under it. {@link #reset()} and {@link #close()} act on
 * {@code plain} alone, so that a TLS peer leaves without close_notify.
 *
 * @param plain the TCP socket
 * @param socket the socket to talk through; {@code plain} itself for plaintext
 */
public record BlockingPeer(Socket plain, Socket socket) implements Closeable {

  /** Closes the connection with a reset (SO_LINGER 0): the other side reads "Connection reset". */
  public void reset() throws IOException {
    plain.setSoLinger(true, 0);
    plain.close();
  }

  /** Closes the TCP socket (whatever {@link #reset()} set up stays: SO_LINGER 0 resets). */
  @Override
  public void close() throws IOException {
    plain.close();
  }
}

package asyncigo.api.net;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * One received datagram: its payload, whole (datagrams are never merged or split), and the
 * address it came from. Returned by {@link DatagramEndpoint#receive()} and the endpoint's
 * {@link DatagramEndpoint#datagrams()} iteration. Thread-safe once received; the payload array is
 * the receiver's own (no other code keeps it), so a record of it compares arrays by identity.
 *
 * @param payload the datagram's bytes, possibly empty
 * @param sender the address of the socket that sent it
 * @since 0.1
 */
public record Datagram(byte[] payload, InetSocketAddress sender) {
  /**
   * Creates the value.
   *
   * @param payload the datagram's bytes, kept as given (not copied)
   * @param sender the sender's address
   * @throws NullPointerException if either is null
   */
  public Datagram {
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(sender, "sender");
  }

  @Override
  public String toString() {
    return "Datagram[" + payload.length + " bytes from " + sender + "]";
  }
}

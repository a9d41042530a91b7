package asyncigo.api.spi;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * A non-blocking UDP socket made by {@link Poller#openDatagram}. Receives and sends never block;
 * they report "would block" as null and false. Readable ({@link Poller#READ}) when a datagram or
 * an error waits, writable ({@link Poller#WRITE}) when the send buffer has room. Loop-confined.
 *
 * <p><b>Whole datagrams.</b> A receive returns exactly one datagram or none; one larger than the
 * buffer is never truncated: the receive throws {@link
 * asyncigo.api.net.DatagramTooLargeException} and keeps the datagram, so that the next receive
 * returns it (first, before anything the kernel holds) once it has room. A datagram kept that way
 * is held by this object, not by the kernel, so the poller does not report it: call {@link
 * #receive} before waiting for {@link Poller#READ}, as the loop always does.
 *
 * <p><b>Errors from the network.</b> On a connected socket, an ICMP "port unreachable" is reported
 * by the kernel once, to the next receive or send (Linux: {@code ECONNREFUSED}): both throw {@link
 * java.net.PortUnreachableException} for it, on every backend. Unconnected sockets never report
 * it.
 *
 * @since 0.1
 */
public interface PollDatagram extends PollChannel {
  /**
   * Receives one datagram into {@code dst}, from its position, moving the position past it.
   *
   * @param dst where the payload goes; its remaining bytes are the room offered
   * @return the sender's address, or null if no datagram is waiting
   * @throws asyncigo.api.net.DatagramTooLargeException if the next datagram is larger than {@code
   *     dst.remaining()} (nothing is written to {@code dst}; the datagram is kept, see above)
   * @throws java.net.PortUnreachableException on a connected socket, for an ICMP report (see
   *     above)
   * @throws java.nio.channels.ClosedChannelException if the socket is closed
   * @throws IOException on another error (the message names it)
   */
  InetSocketAddress receive(ByteBuffer dst) throws IOException;

  /**
   * Sends the remaining bytes of {@code src} as one datagram, moving its position to its limit if
   * sent.
   *
   * @param src the payload, at most 65,507 bytes
   * @param target where to send it, or null for the connected remote address
   * @return true if the datagram was handed to the kernel, false (nothing sent, {@code src}
   *     unchanged) if the send buffer is full now
   * @throws java.net.PortUnreachableException on a connected socket, for an ICMP report (see
   *     above; nothing was sent)
   * @throws java.nio.channels.ClosedChannelException if the socket is closed
   * @throws IOException on another error (the message names it)
   */
  boolean send(ByteBuffer src, InetSocketAddress target) throws IOException;

  /** {@return the remote address of a connected socket, else empty} */
  Optional<InetSocketAddress> remoteAddress();
}

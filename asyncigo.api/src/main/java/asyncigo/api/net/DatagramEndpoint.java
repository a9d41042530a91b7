package asyncigo.api.net;

import asyncigo.api.iter.AsyncIterable;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * A UDP socket of a loop (asyncio's datagram endpoint), from {@link
 * asyncigo.api.Loop#openDatagram(InetSocketAddress)}: sends and receives whole datagrams.
 *
 * <ul>
 *   <li><b>Boundaries.</b> Datagrams are never merged or split: each receive returns exactly one
 *       datagram as it was sent, possibly empty. One that is larger than the buffer offered is
 *       reported by {@link DatagramTooLargeException} (naming both sizes), never truncated, and
 *       stays pending for the next receive with room for it; {@link #receive()} always has room.
 *   <li><b>Size.</b> A payload larger than {@link #MAX_PAYLOAD} bytes is refused before anything
 *       is sent.
 *   <li><b>Backpressure.</b> A send whose datagram the kernel cannot take now (its send buffer is
 *       full) waits until the socket is writable, then sends; it never drops the datagram and never
 *       reports "would block". (A receiver's full buffer is another matter: the receiving kernel
 *       drops what does not fit, as UDP does.)
 *   <li><b>Connected endpoints</b> ({@link DatagramOptions#connect}) talk to one remote address.
 *       An ICMP "port unreachable" (nothing listens there) surfaces as {@link
 *       java.net.PortUnreachableException} from the next receive, once per report, even if a send
 *       met it first.
 *   <li><b>Cancellation.</b> A receive or send cancelled while it waits loses nothing: no
 *       datagram is taken from the kernel before it can be returned, and a cancelled send sent
 *       nothing.
 *   <li><b>Close.</b> {@link #close()} wakes tasks waiting in a receive or send with {@link
 *       StreamClosedException}; later calls throw it too. Closing the loop closes the endpoints it
 *       still owns.
 * </ul>
 *
 * <p><b>Threading.</b> Loop-confined: every method but {@link #isClosed()} (thread-safe) checks
 * the calling thread first and throws {@link IllegalStateException} from another thread before it
 * changes anything. Several tasks may receive at once; each datagram goes to exactly one of them.
 *
 * <p>Obtain one from the loop; do not implement this interface.
 *
 * @since 0.1
 */
public interface DatagramEndpoint extends Closeable {
  /**
   * The largest payload a send accepts, in bytes: 65,535 less the IPv4 and UDP headers (IPv6 would
   * allow 20 bytes more; one limit keeps both families alike).
   */
  int MAX_PAYLOAD = 65_507;

  /**
   * Sends {@code payload} as one datagram to {@code target}; suspends only while the kernel's send
   * buffer is full. Returns once the datagram is handed to the kernel (which says nothing of its
   * arrival: UDP does not).
   *
   * @param payload the datagram, 0 to {@link #MAX_PAYLOAD} bytes; not kept
   * @param target where to send it; on a connected endpoint it must be the remote address
   * @throws NullPointerException if payload or target is null
   * @throws IllegalArgumentException if the payload is too large, the target is unresolved or has
   *     port 0, or the endpoint is connected to another address (each message names the values)
   * @throws StreamClosedException if the endpoint is closed, before or while waiting
   * @throws IOException if the kernel refuses the datagram (no route, say)
   */
  void send(byte[] payload, InetSocketAddress target) throws IOException;

  /**
   * Sends {@code payload} as one datagram to the remote address of a connected endpoint, as
   * {@link #send(byte[], InetSocketAddress)}.
   *
   * @param payload the datagram, 0 to {@link #MAX_PAYLOAD} bytes; not kept
   * @throws NullPointerException if payload is null
   * @throws IllegalArgumentException if the payload is too large
   * @throws IllegalStateException if the endpoint is not connected (nothing is sent)
   * @throws StreamClosedException if the endpoint is closed, before or while waiting
   * @throws IOException if the kernel refuses the datagram
   */
  void send(byte[] payload) throws IOException;

  /**
   * Receives the next datagram, waiting for one.
   *
   * @return the datagram, whole, with its sender
   * @throws java.net.PortUnreachableException on a connected endpoint, once after the remote
   *     reported that nothing listens on its port
   * @throws StreamClosedException if the endpoint is closed, before or while waiting
   * @throws IOException on another error
   */
  Datagram receive() throws IOException;

  /**
   * Receives the next datagram into {@code dst}, from its position, waiting for one; on return the
   * position has moved past the payload. If the datagram does not fit in {@code dst.remaining()}
   * it stays pending (see the class comment) and {@code dst} is unchanged.
   *
   * @param dst where the payload goes
   * @return the sender's address
   * @throws NullPointerException if dst is null
   * @throws IllegalArgumentException if dst is read-only
   * @throws DatagramTooLargeException if the next datagram is larger than {@code dst.remaining()}
   * @throws java.net.PortUnreachableException as {@link #receive()}
   * @throws StreamClosedException if the endpoint is closed, before or while waiting
   * @throws IOException on another error
   */
  InetSocketAddress receiveInto(ByteBuffer dst) throws IOException;

  /**
   * The received datagrams, as {@link #receive()} returns them: each {@code hasNext()} waits for
   * the next one. The iteration ends (hasNext is false) once the endpoint is closed; another
   * receive failure is thrown from {@code hasNext()} (wrapped in {@link
   * asyncigo.api.UncheckedExecutionException}) and ends it. Closing the iterator closes nothing; a
   * datagram fetched by {@code hasNext()} but never taken goes back to the endpoint, for its next
   * receive.
   *
   * @return an iterable of the datagrams to come
   */
  AsyncIterable<Datagram> datagrams();

  /** {@return the address the endpoint is bound to, with the port the kernel chose for port 0} */
  InetSocketAddress localAddress();

  /** {@return the remote address of a connected endpoint, or empty} */
  Optional<InetSocketAddress> remoteAddress();

  /** {@return whether {@link #close()} was called (or the loop closed it); thread-safe} */
  boolean isClosed();

  /**
   * Closes the socket and releases its descriptor; tasks waiting in a receive or send wake with
   * {@link StreamClosedException}. A datagram kept pending (too large for a buffer) is dropped with
   * the socket. Idempotent.
   */
  @Override
  void close();
}

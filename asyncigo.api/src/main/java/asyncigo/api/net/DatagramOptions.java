package asyncigo.api.net;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * Options for {@link asyncigo.api.Loop#openDatagram(InetSocketAddress, DatagramOptions)}: an
 * immutable value; each setter-like method returns a copy. Thread-safe.
 *
 * <pre>{@code
 * DatagramOptions options = DatagramOptions.defaults().connect(server).receiveBufferSize(1 << 20);
 * }</pre>
 *
 * <ul>
 *   <li>{@link #connect(InetSocketAddress) connect}: the endpoint only talks to this remote address
 *       (the kernel drops datagrams from others; {@link DatagramEndpoint#send(byte[])} sends to it,
 *       and an ICMP "port unreachable" from it surfaces as {@link java.net.PortUnreachableException}
 *       on the next receive). Default: not connected.
 *   <li>{@link #broadcast(boolean) broadcast}: SO_BROADCAST, allowing sends to a broadcast address.
 *       Default: off.
 *   <li>{@link #receiveBufferSize(int) receiveBufferSize} and {@link #sendBufferSize(int)
 *       sendBufferSize}: SO_RCVBUF and SO_SNDBUF in bytes, a hint the kernel may round (Linux
 *       doubles it and caps it at {@code net.core.rmem_max}/{@code wmem_max}); 0 keeps the system
 *       default. Default: 0.
 *   <li>{@link #reuseAddress(boolean) reuseAddress}: SO_REUSEADDR, so several endpoints may bind
 *       the same address (multicast receivers, say). Default: off.
 * </ul>
 *
 * @since 0.1
 */
public final class DatagramOptions {
  private static final DatagramOptions DEFAULTS = new DatagramOptions(null, false, 0, 0, false);

  private final InetSocketAddress remote;
  private final boolean broadcast;
  private final int receiveBufferSize;
  private final int sendBufferSize;
  private final boolean reuseAddress;

  private DatagramOptions(InetSocketAddress remote, boolean broadcast, int receiveBufferSize,
      int sendBufferSize, boolean reuseAddress) {
    this.remote = remote;
    this.broadcast = broadcast;
    this.receiveBufferSize = receiveBufferSize;
    this.sendBufferSize = sendBufferSize;
    this.reuseAddress = reuseAddress;
  }

  /**
   * The defaults: not connected, no broadcast, the system's buffer sizes, no address reuse.
   *
   * @return the default options
   */
  public static DatagramOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Connects the endpoint to {@code remote} when it opens.
   *
   * @param remote the only address the endpoint sends to and receives from
   * @return a copy with the remote address
   * @throws NullPointerException if remote is null
   * @throws IllegalArgumentException if remote is unresolved or its port is 0
   */
  public DatagramOptions connect(InetSocketAddress remote) {
    Objects.requireNonNull(remote, "remote");
    if (remote.isUnresolved()) {
      throw new IllegalArgumentException("remote address is unresolved: " + remote);
    }
    if (remote.getPort() == 0) {
      throw new IllegalArgumentException("remote port must be from 1 to 65535: " + remote);
    }
    return new DatagramOptions(
        remote, broadcast, receiveBufferSize, sendBufferSize, reuseAddress);
  }

  /**
   * Sets SO_BROADCAST.
   *
   * @param enabled whether sends to a broadcast address are allowed
   * @return a copy with the option
   */
  public DatagramOptions broadcast(boolean enabled) {
    return new DatagramOptions(remote, enabled, receiveBufferSize, sendBufferSize, reuseAddress);
  }

  /**
   * Sets SO_RCVBUF: how many bytes of datagrams the kernel keeps for the endpoint until it
   * receives them (datagrams arriving beyond that are dropped by the kernel, as UDP does).
   *
   * @param bytes the size asked for, or 0 for the system default
   * @return a copy with the option
   * @throws IllegalArgumentException if bytes is negative
   */
  public DatagramOptions receiveBufferSize(int bytes) {
    return new DatagramOptions(
        remote, broadcast, requireSize(bytes, "receive"), sendBufferSize, reuseAddress);
  }

  /**
   * Sets SO_SNDBUF: how many bytes of sent datagrams the kernel holds before a send must wait.
   *
   * @param bytes the size asked for, or 0 for the system default
   * @return a copy with the option
   * @throws IllegalArgumentException if bytes is negative
   */
  public DatagramOptions sendBufferSize(int bytes) {
    return new DatagramOptions(
        remote, broadcast, receiveBufferSize, requireSize(bytes, "send"), reuseAddress);
  }

  /**
   * Sets SO_REUSEADDR.
   *
   * @param enabled whether other sockets with the option may bind the same address
   * @return a copy with the option
   */
  public DatagramOptions reuseAddress(boolean enabled) {
    return new DatagramOptions(remote, broadcast, receiveBufferSize, sendBufferSize, enabled);
  }

  /** {@return the remote address the endpoint is connected to, or empty if none} */
  public Optional<InetSocketAddress> remote() {
    return Optional.ofNullable(remote);
  }

  /** {@return whether SO_BROADCAST is on} */
  public boolean broadcast() {
    return broadcast;
  }

  /** {@return the SO_RCVBUF size asked for, or 0 for the system default} */
  public int receiveBufferSize() {
    return receiveBufferSize;
  }

  /** {@return the SO_SNDBUF size asked for, or 0 for the system default} */
  public int sendBufferSize() {
    return sendBufferSize;
  }

  /** {@return whether SO_REUSEADDR is on} */
  public boolean reuseAddress() {
    return reuseAddress;
  }

  @Override
  public String toString() {
    return "DatagramOptions[remote=" + remote + ", broadcast=" + broadcast
        + ", receiveBufferSize=" + receiveBufferSize + ", sendBufferSize=" + sendBufferSize
        + ", reuseAddress=" + reuseAddress + "]";
  }

  private static int requireSize(int bytes, String which) {
    if (bytes < 0) {
      throw new IllegalArgumentException(
          which + " buffer size must be 0 (system default) or positive, got " + bytes);
    }
    return bytes;
  }
}

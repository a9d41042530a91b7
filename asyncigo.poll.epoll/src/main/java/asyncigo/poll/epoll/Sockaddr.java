package asyncigo.poll.epoll;

import static asyncigo.poll.epoll.LinuxConstants.AF_INET;
import static asyncigo.poll.epoll.LinuxConstants.AF_INET6;
import static asyncigo.poll.epoll.LinuxConstants.AF_UNIX;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Optional;

/**
 * Encodes and decodes {@code struct sockaddr_in} (16 bytes: family, port, address) and {@code
 * struct sockaddr_in6} (28 bytes: family, port, flow info, address, scope id) in a native-order
 * buffer. The family is in host order, the port and address in network order. Also {@code
 * struct sockaddr_un} (family, then {@code sun_path}: 108 bytes for the path and its terminating
 * NUL), for Unix domain sockets.
 */
final class Sockaddr {
  /** {@code sizeof(sun_path)}: the longest Unix socket path, with its terminating NUL. */
  static final int SUN_PATH_SIZE = 108;

  /** How the JDK encodes file names for the OS, as {@link UnixDomainSocketAddress} does. */
  private static final Charset FILE_NAMES =
      Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"), Charset.defaultCharset());

  private Sockaddr() {}

  /**
   * Writes {@code address} as a {@code struct sockaddr_un} at {@code offset}; returns its length
   * in bytes (the family, the path and its NUL).
   *
   * @throws IllegalArgumentException if the path does not fit in {@code sun_path}
   */
  static int encode(UnixDomainSocketAddress address, ByteBuffer buffer, int offset) {
    byte[] path = address.getPath().toString().getBytes(FILE_NAMES);
    if (path.length >= SUN_PATH_SIZE) {
      throw new IllegalArgumentException(
          "Unix domain socket path is " + path.length + " bytes long, the limit is "
              + (SUN_PATH_SIZE - 1) + " (" + SUN_PATH_SIZE + " with the terminating NUL): "
              + address.getPath());
    }
    buffer.putShort(offset, (short) AF_UNIX);
    buffer.put(offset + 2, path);
    buffer.put(offset + 2 + path.length, (byte) 0);
    return 2 + path.length + 1;
  }

  /**
   * Reads the address of {@code length} bytes at {@code offset}: IPv4, IPv6 or a Unix domain
   * socket (an unnamed one has an empty path); empty for another family.
   */
  static Optional<SocketAddress> decodeAny(ByteBuffer buffer, int offset, int length) {
    if (buffer.getShort(offset) != AF_UNIX) {
      return decode(buffer, offset).map(SocketAddress.class::cast);
    }
    byte[] path = new byte[Math.max(0, length - 2)];
    buffer.get(offset + 2, path);
    int end = 0;
    while (end < path.length && path[end] != 0) {
      end++;
    }
    return Optional.of(
        UnixDomainSocketAddress.of(new String(Arrays.copyOf(path, end), FILE_NAMES)));
  }

  /** The address family ({@code AF_INET} or {@code AF_INET6}) of a resolved socket address. */
  static int family(InetSocketAddress address) {
    return resolved(address) instanceof Inet6Address ? AF_INET6 : AF_INET;
  }

  /** Writes {@code address} at {@code offset}; returns its length in bytes. */
  static int encode(InetSocketAddress address, ByteBuffer buffer, int offset) {
    InetAddress ip = resolved(address);
    int port = address.getPort();
    buffer.putLong(offset, 0).putLong(offset + 8, 0);
    buffer.put(offset + 2, (byte) (port >>> 8)).put(offset + 3, (byte) port);
    if (ip instanceof Inet4Address) {
      buffer.putShort(offset, (short) AF_INET);
      buffer.put(offset + 4, ip.getAddress());
      return 16;
    }
    Inet6Address ip6 = (Inet6Address) ip;
    buffer.putLong(offset + 16, 0).putInt(offset + 24, ip6.getScopeId());
    buffer.putShort(offset, (short) AF_INET6);
    buffer.put(offset + 8, ip6.getAddress());
    return 28;
  }

  /** Reads the address at {@code offset}, or empty if its family is neither IPv4 nor IPv6. */
  static Optional<InetSocketAddress> decode(ByteBuffer buffer, int offset) {
    int family = buffer.getShort(offset);
    int port = ((buffer.get(offset + 2) & 0xff) << 8) | (buffer.get(offset + 3) & 0xff);
    try {
      if (family == AF_INET) {
        byte[] ip = new byte[4];
        buffer.get(offset + 4, ip);
        return Optional.of(new InetSocketAddress(InetAddress.getByAddress(ip), port));
      }
      if (family == AF_INET6) {
        byte[] ip = new byte[16];
        buffer.get(offset + 8, ip);
        int scope = buffer.getInt(offset + 24);
        InetAddress address = scope == 0
            ? InetAddress.getByAddress(ip)
            : Inet6Address.getByAddress(null, ip, scope);
        return Optional.of(new InetSocketAddress(address, port));
      }
    } catch (UnknownHostException impossible) { // only for a wrong length, and ours are right
      throw new AssertionError(impossible);
    }
    return Optional.empty();
  }

  private static InetAddress resolved(InetSocketAddress address) {
    if (address.isUnresolved()) {
      throw new IllegalArgumentException("unresolved socket address: " + address);
    }
    return address.getAddress();
  }
}

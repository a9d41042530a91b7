package asyncigo.loop.net;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * A parsed {@code "host:port"} address (the seed's Dial syntax): {@code "example.com:80"}, {@code
 * "127.0.0.1:80"}, or an IPv6 literal in brackets, {@code "[::1]:80"}.
 *
 * @param host the host name or literal, without brackets
 * @param port the port, 0 to 65535
 */
record HostAndPort(String host, int port) {

  /** {@code address} as {@code "host:port"} (IPv6 in brackets), for messages and task names. */
  static String text(SocketAddress address) {
    if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
      String host = inet.getAddress().getHostAddress();
      return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + inet.getPort();
    }
    return String.valueOf(address);
  }

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException naming the input and what is wrong with it
   */
  static HostAndPort parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("address must not be null");
    }
    String host;
    String port;
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0) {
        throw malformed(text, "'[' without ']'");
      }
      if (close + 1 >= text.length() || text.charAt(close + 1) != ':') {
        throw malformed(text, "expected ':' and a port after ']'");
      }
      host = text.substring(1, close);
      port = text.substring(close + 2);
    } else {
      int colon = text.lastIndexOf(':');
      if (colon < 0) {
        throw malformed(text, "missing ':port'");
      }
      host = text.substring(0, colon);
      port = text.substring(colon + 1);
      if (host.indexOf(':') >= 0) {
        throw malformed(text, "an IPv6 address must be written in brackets, as [::1]:80");
      }
    }
    if (host.isEmpty()) {
      throw malformed(text, "missing host");
    }
    return new HostAndPort(host, parsePort(text, port));
  }

  private static int parsePort(String text, String port) {
    if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw malformed(text, "port must be a number from 0 to 65535");
    }
    int value = Integer.parseInt(port);
    if (value > 65535) {
      throw malformed(text, "port must be a number from 0 to 65535");
    }
    return value;
  }

  private static IllegalArgumentException malformed(String text, String problem) {
    return new IllegalArgumentException("malformed address \"" + text + "\": " + problem);
  }
}

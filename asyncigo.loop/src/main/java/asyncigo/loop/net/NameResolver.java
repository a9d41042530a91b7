package asyncigo.loop.net;

import asyncigo.api.Loop;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Resolves host names without blocking the loop: IP literals are parsed on the spot; names are
 * looked up with {@link InetAddress#getAllByName} on a virtual thread ({@link Loop#toThread}).
 */
final class NameResolver {
  private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
  private static final Pattern IPV4_LITERAL = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");

  private NameResolver() {}

  /**
   * The addresses of {@code host}, in the resolver's order; never empty.
   *
   * @throws java.net.UnknownHostException if the name does not resolve
   */
  static List<InetAddress> resolve(Loop loop, String host) throws IOException {
    if (host.indexOf(':') >= 0 || IPV4_LITERAL.matcher(host).matches()) {
      return List.of(InetAddress.getByName(host));
    }
    return List.of(IoAwait.await(loop.toThread(() -> InetAddress.getAllByName(host))));
  }
}

package asyncigo.api.net;

import java.net.InetSocketAddress;

/**
 * A listening TCP server from {@link asyncigo.api.Loop#listen}: accepts connections and runs a
 * handler task for each. Loop-confined.
 */
public interface Server extends AutoCloseable {
  /** The bound address (with the actual port when 0 was asked for). */
  InetSocketAddress localAddress();

  /** The number of accepted connections whose handler has not returned. */
  int connections();

  /** Suspends the calling task until the server is closed. */
  void serveForever();

  /** Stops accepting; connections already accepted go on. Idempotent. */
  @Override
  void close();

  /** Stops accepting and closes every open connection stream, cancelling their handlers. */
  void closeAll();
}

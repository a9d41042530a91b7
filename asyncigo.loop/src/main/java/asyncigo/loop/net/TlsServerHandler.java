package asyncigo.loop.net;

import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.StreamHandler;
import asyncigo.api.net.TlsOptions;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handler a TLS server runs for each connection: the server side of the handshake first, in
 * the connection's task, then the user's handler. A handshake that fails (or times out, or meets
 * a reset) is logged at debug level with the peer's address and ends the task normally: the
 * stream is closed, the user's handler never runs, nothing is reported. Cancellation (the server
 * closing every connection) propagates. Thread-safe (immutable); each call is loop-confined.
 */
final class TlsServerHandler implements StreamHandler {
  private static final Logger LOG = LoggerFactory.getLogger(TlsServerHandler.class);

  private final TlsOptions tls;
  private final StreamHandler handler;

  TlsServerHandler(TlsOptions tls, StreamHandler handler) {
    this.tls = tls;
    this.handler = handler;
  }

  @Override
  public void handle(AsyncStream stream) throws Exception {
    ChannelStream accepted = (ChannelStream) stream;
    try {
      accepted.upgrade(TlsEngines.create(tls, null, -1), tls.handshakeTimeout());
    } catch (IOException e) {
      LOG.debug("{}: TLS handshake failed: {}", accepted, e.getMessage());
      return;
    }
    handler.handle(stream);
  }
}

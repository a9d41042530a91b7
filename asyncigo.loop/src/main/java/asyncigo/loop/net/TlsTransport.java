package asyncigo.loop.net;

import asyncigo.api.Future;
import asyncigo.api.Promise;
import asyncigo.api.UncheckedExecutionException;
import asyncigo.api.net.StreamClosedException;
import asyncigo.api.net.TlsSession;
import asyncigo.api.sync.Timeout;
import asyncigo.api.sync.TimeoutResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * TLS over a socket, as a {@link StreamTransport}: the stream's halves read and write plaintext;
 * an {@link SSLEngine} turns it into records. A {@link TlsInput} receives, a {@link TlsOutput}
 * sends; this class runs the first handshake, answers readiness and closes.
 *
 * <p><b>Implementation overview.</b> The design keeps every property of a plaintext stream by
 * sitting under the stream's own {@link StreamInput} and {@link StreamOutput} instead of beside
 * them: line limits, the no-loss rule of cancelled reads (bytes leave the input buffer only when
 * a read returns them), the write queue, water marks and flush all work unchanged, on plaintext
 * counts. Two rules make that exact: {@link #readable()} is already complete while this side
 * holds input a read can use without the socket (the poller only knows the socket), and a write
 * counts as sent only once {@link #sendHeld()} says no ciphertext of it is held back, so {@code
 * flush()} and write futures keep their meaning. Reads never wait for writes: the records the
 * engine must send on the reader's behalf are held and sent by a readiness callback of the
 * output. Bytes take the shortest way: a reader's {@code ByteBuffer} with room for a record
 * receives plaintext straight from the engine, and a writer's buffer is wrapped straight from;
 * ciphertext passes through the loop's shared {@link TlsScratch}, so an idle TLS stream holds no
 * buffer. The first handshake runs in the task that connects, accepts or calls {@code startTls};
 * until it is over, reads and writes of the stream fail with {@link IllegalStateException}.
 * Delegated tasks (certificate checks) run inline on the loop, as in Netty by default.
 *
 * <p><b>Closing.</b> {@link #shutdownOutput()} queues close_notify and ends the socket's output
 * once it is sent. {@link #close(boolean)} with all output sent queues close_notify too; if the
 * kernel refuses part of it, a {@link CloseNotifyLinger} keeps the socket open until it is sent,
 * or for at most {@link CloseNotifyLinger#TIMEOUT} (only while the loop runs; a loop that closes
 * releases every descriptor at once). Either way, a reader waiting on this
 * transport wakes with {@link StreamClosedException} at once. Loop-confined.
 */
final class TlsTransport implements StreamTransport {
  private static final String HANDSHAKING =
      "the TLS handshake of this stream is in progress: wait until it is done";

  private final StreamContext context;
  private final SocketTransport socket;
  private final SSLEngine engine;
  private final TlsInput input;
  private final TlsOutput output;
  private final Promise<Void> ready;
  private Promise<Void> readWait;
  private TlsSession session;
  private boolean closed;

  TlsTransport(StreamContext context, SocketTransport socket, SSLEngine engine, String peer) {
    this.context = context;
    this.socket = socket;
    this.engine = engine;
    this.output = new TlsOutput(engine, socket, context.tls());
    this.input = new TlsInput(engine, socket, context.tls(), output, peer);
    this.ready = context.loop().newFuture();
    this.ready.complete(null);
  }

  /** Runs the delegated tasks the engine has, on the calling thread. */
  static void runDelegatedTasks(SSLEngine engine) {
    Runnable task;
    while ((task = engine.getDelegatedTask()) != null) {
      task.run();
    }
  }

  /** Ciphertext that arrived before the stream switched to TLS: the handshake's first input. */
  void preload(byte[] bytes) {
    input.preload(bytes);
  }

  /**
   * Runs the first handshake within {@code timeout}; the failure explains itself (see {@link
   * HandshakeFailure}) and names {@code peer}.
   *
   * @throws SSLHandshakeException if the handshake fails or times out
   */
  void handshake(Duration timeout, String peer) throws IOException {
    TimeoutResult<Boolean> result;
    try {
      result = Timeout.moveOnAfter(timeout, scope -> handshake());
    } catch (UncheckedExecutionException e) {
      if (e.getCause() instanceof IOException failure) {
        output.sendAlert();
        throw HandshakeFailure.explain(failure, peer);
      }
      throw e;
    }
    if (result.timedOut()) {
      throw new SSLHandshakeException(
          "TLS handshake with " + peer + " timed out after " + text(timeout));
    }
  }

  /** The session's facts; empty until the first handshake is over. */
  Optional<TlsSession> session() {
    return Optional.ofNullable(session);
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    if (session == null) {
      throw new IllegalStateException(HANDSHAKING);
    }
    return input.read(dst);
  }

  @Override
  public Future<Void> readable() {
    if (input.hasBufferedInput()) {
      return ready;
    }
    readWait = socket.readable();
    return readWait;
  }

  @Override
  public int write(ByteBuffer src) throws IOException {
    if (session == null) {
      throw new IllegalStateException(HANDSHAKING);
    }
    return output.write(src);
  }

  @Override
  public boolean sendHeld() throws IOException {
    return output.sendHeld();
  }

  @Override
  public Future<Void> writable() {
    return socket.writable();
  }

  @Override
  public void shutdownOutput() throws IOException {
    output.shutdown();
  }

  @Override
  public void close(boolean outputComplete) {
    if (closed) {
      return;
    }
    closed = true;
    // Lingers only on a running loop: a loop that is closing (or not running) would never send
    // the rest, and must release the descriptor now.
    if (session != null && outputComplete && output.closeNotify() && context.loop().inLoop()) {
      if (readWait != null && !readWait.isDone()) {
        readWait.fail(new StreamClosedException("stream closed"));
      }
      CloseNotifyLinger.start(context, socket, output);
    } else {
      output.close();
      socket.close(outputComplete);
    }
  }

  private Boolean handshake() throws IOException {
    engine.beginHandshake();
    while (true) {
      switch (engine.getHandshakeStatus()) {
        case NEED_TASK -> runDelegatedTasks(engine);
        case NEED_WRAP -> output.wrapControl();
        case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
          if (!input.handshakeStep()) {
            IoAwait.await(socket.readable());
          }
        }
        case FINISHED, NOT_HANDSHAKING -> {
          if (engine.isInboundDone() || engine.isOutboundDone()) {
            throw new SSLHandshakeException("the TLS session closed during the handshake");
          }
          while (!output.sendHeld()) {
            IoAwait.await(socket.writable());
          }
          input.established();
          session = snapshot(engine);
          return true;
        }
      }
    }
  }

  private static TlsSession snapshot(SSLEngine engine) {
    SSLSession session = engine.getSession();
    List<Certificate> peer;
    try {
      peer = List.of(session.getPeerCertificates());
    } catch (SSLPeerUnverifiedException noCertificate) {
      peer = List.of();
    }
    String alpn = engine.getApplicationProtocol();
    return new TlsSession(
        session.getProtocol(),
        session.getCipherSuite(),
        alpn == null || alpn.isEmpty() ? Optional.empty() : Optional.of(alpn),
        peer);
  }

  private static String text(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}

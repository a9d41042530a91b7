package asyncigo.loop.net;

import asyncigo.api.Future;
import java.io.IOException;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * The sending side of a {@link TlsTransport}: wraps plaintext into records in the loop's shared
 * {@link TlsScratch} output buffer and hands them to the socket; what the kernel refuses is
 * copied to {@code held}, which goes out before anything else.
 *
 * <p>Invariants: {@code held} (read mode) holds complete or partial records in the order the
 * engine made them; nothing is written to the socket while it is not empty. A write takes more
 * plaintext only when {@code held} is empty, so at most one scratch buffer's worth of ciphertext
 * is ever held. Records the engine makes on its own (handshake messages, a TLS 1.3 key update's
 * answer, close_notify, an alert) go through {@link #wrapControl()} and the same order. While
 * anything is held, a callback on WRITE readiness ({@code flushArmed}) sends it, so that records
 * made on behalf of the reader go out even when nobody writes. The first socket or engine error
 * is {@code failure}: every later call throws it. Loop-confined.
 */
final class TlsOutput {
  private final SSLEngine engine;
  private final SocketTransport socket;
  private final TlsScratch scratch;
  private final ByteBuffer nothing = ByteBuffer.allocate(0);
  private ByteBuffer held = ByteBuffer.allocate(0);
  private IOException failure;
  private boolean shutdownRequested;
  private boolean socketShutDown;
  private boolean flushArmed;
  private boolean closed;

  TlsOutput(SSLEngine engine, SocketTransport socket, TlsScratch scratch) {
    this.engine = engine;
    this.socket = socket;
    this.scratch = scratch;
  }

  /** Wraps and sends plaintext from {@code src} (see {@link StreamTransport#write}). */
  int write(ByteBuffer src) throws IOException {
    if (!sendHeld()) {
      return 0;
    }
    int taken = 0;
    while (src.hasRemaining() && !holds()) {
      ByteBuffer out = scratch.output(engine.getSession().getPacketBufferSize());
      // The engine may add records of its own (a key update at the key usage limit): wrap until
      // it has nothing more to say, even once src is empty.
      while (src.hasRemaining() || engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
        SSLEngineResult result = wrap(src, out);
        if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
          throw failed(new SSLException("the TLS session is closed for writing"));
        }
        taken += result.bytesConsumed();
        if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW
            || result.bytesConsumed() == 0 && result.bytesProduced() == 0) {
          break;
        }
        TlsTransport.runDelegatedTasks(engine);
      }
      send(out.flip());
    }
    return taken;
  }

  /** Wraps and sends what the engine has to send by itself: handshake, key update, alerts. */
  void wrapControl() throws IOException {
    ByteBuffer out = scratch.output(engine.getSession().getPacketBufferSize());
    while (true) {
      SSLEngineResult result = wrap(nothing, out);
      if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
        send(out.flip());
        out.clear();
        continue;
      }
      TlsTransport.runDelegatedTasks(engine);
      if (result.bytesProduced() == 0
          || engine.getHandshakeStatus() != HandshakeStatus.NEED_WRAP) {
        break;
      }
    }
    send(out.flip());
  }

  /**
   * Sends what is held (see {@link StreamTransport#sendHeld}); once a shut-down output's
   * close_notify is out, ends the socket's output too.
   */
  boolean sendHeld() throws IOException {
    if (failure != null) {
      throw failure;
    }
    if (held.hasRemaining()) {
      writeToSocket(held);
      if (held.hasRemaining()) {
        armFlush();
        return false;
      }
    }
    if (shutdownRequested && !socketShutDown) {
      socketShutDown = true;
      socket.shutdownOutput();
    }
    return true;
  }

  /** Whether any ciphertext waits for the socket. */
  boolean holds() {
    return held.hasRemaining();
  }

  /** Queues close_notify; the socket's output ends once it is sent. */
  void shutdown() throws IOException {
    if (failure != null) {
      throw failure;
    }
    if (!shutdownRequested) {
      shutdownRequested = true;
      engine.closeOutbound();
      wrapControl();
      sendHeld();
    }
  }

  /**
   * For a stream that closes with every byte sent: queues close_notify (unless the output was
   * shut down) and tries once to send what is held; true if something is still held.
   */
  boolean closeNotify() {
    closed = true;
    try {
      if (failure == null && !shutdownRequested) {
        shutdownRequested = true;
        engine.closeOutbound();
        wrapControl();
      }
      return failure == null && !sendHeld();
    } catch (IOException | RuntimeException e) {
      return false; // the peer will see no close_notify: nothing more can be done at close
    }
  }

  /**
   * After a failed handshake: tries once to send the alert the engine prepared, so that the peer
   * learns why, whatever failed before.
   */
  void sendAlert() {
    try {
      ByteBuffer out = scratch.output(engine.getSession().getPacketBufferSize());
      engine.wrap(nothing, out);
      out.flip();
      if (!held.hasRemaining()) {
        while (out.hasRemaining() && scratch.write(socket, out) > 0) {
          // one attempt: the kernel takes an alert at once or never
        }
      }
    } catch (IOException | RuntimeException ignored) {
      // the peer sees the connection close instead
    }
  }

  /** Stops the output for good, sending nothing more. */
  void close() {
    closed = true;
    engine.closeOutbound();
  }

  /** Records {@code e} as the output's failure (the first one wins) and returns the failure. */
  IOException failed(IOException e) {
    if (failure == null) {
      failure = e;
    }
    return failure;
  }

  private SSLEngineResult wrap(ByteBuffer src, ByteBuffer out) throws IOException {
    if (failure != null) {
      throw failure;
    }
    try {
      return engine.wrap(src, out);
    } catch (SSLException e) {
      throw failed(e);
    }
  }

  /** Sends {@code out} after what is held; keeps what the kernel refuses. */
  private void send(ByteBuffer out) throws IOException {
    if (!held.hasRemaining()) {
      writeToSocket(out);
      if (!out.hasRemaining()) {
        return;
      }
    }
    hold(out);
    sendHeld();
  }

  private void writeToSocket(ByteBuffer bytes) throws IOException {
    try {
      while (bytes.hasRemaining() && scratch.write(socket, bytes) > 0) {
        // the kernel took some; offer the rest
      }
    } catch (IOException e) {
      throw failed(e);
    }
  }

  private void hold(ByteBuffer out) {
    int needed = held.remaining() + out.remaining();
    if (held.capacity() < needed) {
      ByteBuffer grown = ByteBuffer.allocate(Math.max(needed, 2 * held.capacity()));
      grown.put(held);
      held = grown;
    } else {
      held.compact();
    }
    held.put(out).flip();
  }

  private void armFlush() {
    if (!flushArmed && !closed) {
      flushArmed = true;
      socket.writable().whenDone(this::writable);
    }
  }

  private void writable(Future<Void> ready) {
    flushArmed = false;
    if (closed || failure != null || ready.state() != Future.State.SUCCEEDED) {
      return;
    }
    try {
      sendHeld();
    } catch (IOException e) {
      failed(e); // the next write, flush or close sees it
    }
  }
}

package asyncigo.loop.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * The receiving side of a {@link TlsTransport}: reads ciphertext from the socket into the loop's
 * shared {@link TlsScratch} input buffer and unwraps it, straight into the reader's buffer when it
 * has room for a record.
 *
 * <p>Buffers (read mode, possibly empty): {@code cipher} holds ciphertext not yet unwrapped, kept
 * when a read ends inside a record or with records the reader had no room for; {@code plain}
 * holds plaintext unwrapped for a reader whose buffer was too small for a record, delivered
 * before anything else. A read unwraps what {@code cipher} holds when it holds a whole record;
 * otherwise it moves {@code cipher} to the front of the scratch buffer, appends what the socket
 * has, unwraps, and copies the remainder back.
 *
 * <p>What the engine asks for after an unwrap is done at once: delegated tasks run inline, and
 * records it must send (a TLS 1.3 key update's answer, the reply to close_notify) go through the
 * {@link TlsOutput}. Once the first handshake is over, a TLS 1.2 (or older) peer's attempt to
 * handshake again is refused: the stream fails. {@code closeNotified} is set when close_notify
 * arrived: end of stream. The socket ending first is a truncation, and any failure is sticky
 * ({@code failure}). During the first handshake ({@code established} false) unwrapping stops as
 * soon as the engine wants something else, and plaintext goes to {@code plain}. Loop-confined.
 */
final class TlsInput {
  private final SSLEngine engine;
  private final SocketTransport socket;
  private final TlsScratch scratch;
  private final TlsOutput output;
  private final String peer;
  private ByteBuffer cipher = ByteBuffer.allocate(0);
  private ByteBuffer plain = ByteBuffer.allocate(0);
  private IOException failure;
  private boolean established;
  private boolean closeNotified;
  private boolean paused;
  private long consumed;

  TlsInput(
      SSLEngine engine, SocketTransport socket, TlsScratch scratch, TlsOutput output, String peer) {
    this.engine = engine;
    this.socket = socket;
    this.scratch = scratch;
    this.output = output;
    this.peer = peer;
  }

  /** Ciphertext that arrived before this side switched to TLS (STARTTLS): the first input. */
  void preload(byte[] bytes) {
    if (bytes.length > 0) {
      keep(ByteBuffer.wrap(bytes));
    }
  }

  /** The first handshake is over: from now on a new handshake is a renegotiation. */
  void established() {
    established = true;
    paused = false;
  }

  /** Reads plaintext into {@code dst} (see {@link StreamTransport#read}). */
  int read(ByteBuffer dst) throws IOException {
    if (plain.hasRemaining()) {
      return deliver(dst);
    }
    if (failure != null) {
      throw failure;
    }
    if (closeNotified) {
      return -1;
    }
    int n = pump(dst);
    return n == 0 && closeNotified ? -1 : n;
  }

  /** Whether a read can make progress without the socket. */
  boolean hasBufferedInput() {
    return plain.hasRemaining() || failure != null || closeNotified || TlsRecords.whole(cipher);
  }

  /**
   * One input step of the first handshake: unwraps what the engine needs from buffered
   * ciphertext or what the socket has; false if that was nothing (await readability).
   */
  boolean handshakeStep() throws IOException {
    if (failure != null) {
      throw failure;
    }
    if (closeNotified) {
      throw new SSLHandshakeException(peer + " closed the TLS session during the handshake");
    }
    long before = consumed;
    paused = false;
    pump(null);
    return consumed != before || paused;
  }

  /**
   * Unwraps into {@code dst} (or {@code plain} when null) from {@code cipher}, then from the
   * socket, until something was produced, the engine paused the handshake, close_notify came or
   * the socket has nothing more; the plaintext bytes produced.
   */
  private int pump(ByteBuffer dst) throws IOException {
    int produced = 0;
    if (TlsRecords.whole(cipher)) {
      produced = unwrapAll(cipher, dst);
      if (produced > 0 || closeNotified || paused || TlsRecords.whole(cipher)) {
        return produced;
      }
    }
    ByteBuffer in = scratch.input(engine.getSession().getPacketBufferSize());
    in.put(cipher);
    cipher.clear().limit(0);
    try {
      while (true) {
        int got = scratch.read(socket, in);
        if (got < 0) {
          throw failed(
              established
                  ? new SSLException(
                      peer + " closed the connection without close_notify (truncation)")
                  : new SSLHandshakeException(
                      peer + " closed the connection during the TLS handshake"));
        }
        if (got == 0) {
          return produced;
        }
        in.flip();
        produced += unwrapAll(in, dst);
        in.compact();
        if (produced > 0 || closeNotified || paused) {
          return produced;
        }
      }
    } finally {
      keep(in.flip());
    }
  }

  /**
   * Unwraps whole records of {@code src} until one of {@link #pump}'s reasons to stop. A failure
   * after some plaintext was produced is kept for the next read: the plaintext is returned first.
   */
  private int unwrapAll(ByteBuffer src, ByteBuffer dst) throws IOException {
    int before = dst != null ? dst.position() : plain.remaining();
    try {
      return unwrapRecords(src, dst);
    } catch (IOException e) {
      if (failure == null) {
        throw e;
      }
      int produced = dst != null ? dst.position() - before : plain.remaining() - before;
      if (dst != null && produced == 0 && plain.hasRemaining()) {
        produced = deliver(dst);
      }
      if (produced > 0) {
        return produced;
      }
      throw e;
    }
  }

  private int unwrapRecords(ByteBuffer src, ByteBuffer dst) throws IOException {
    int produced = 0;
    while (!closeNotified && !paused && src.hasRemaining()) {
      SSLEngineResult result;
      if (dst != null) {
        result = unwrap(src, dst);
      } else {
        ByteBuffer space = plainSpace();
        try {
          result = unwrap(src, space);
        } finally {
          plain.flip();
        }
      }
      switch (result.getStatus()) {
        case BUFFER_UNDERFLOW -> {
          return produced;
        }
        case BUFFER_OVERFLOW -> {
          if (produced > 0) {
            return produced;
          }
          if (dst == null) {
            growPlain();
            continue;
          }
          unwrapRecords(src, null); // the reader's buffer is too small for a record: stage it
          return deliver(dst);
        }
        case CLOSED -> closeNotified = true;
        case OK -> { }
      }
      produced += result.bytesProduced();
      afterUnwrap(result.getHandshakeStatus());
      if (result.bytesConsumed() == 0 && result.bytesProduced() == 0) {
        return produced;
      }
    }
    return produced;
  }

  /** Does what the engine asks after an unwrap; during the first handshake, pauses instead. */
  private void afterUnwrap(HandshakeStatus status) throws IOException {
    if (!established) {
      paused = status != HandshakeStatus.NEED_UNWRAP;
      return;
    }
    while (status == HandshakeStatus.NEED_TASK || status == HandshakeStatus.NEED_WRAP) {
      if (!closeNotified) {
        refuseRenegotiation();
      }
      TlsTransport.runDelegatedTasks(engine);
      if (engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
        try {
          output.wrapControl();
        } catch (IOException e) {
          return; // the output is broken and says so to writers; reading goes on
        }
      }
      status = engine.getHandshakeStatus();
    }
    if (status == HandshakeStatus.NEED_UNWRAP && !closeNotified) {
      refuseRenegotiation();
    }
  }

  /** A TLS 1.3 peer may update keys at any time; an older one may not handshake again. */
  private void refuseRenegotiation() throws IOException {
    String protocol = engine.getSession().getProtocol();
    if (!"TLSv1.3".equals(protocol)) {
      SSLException refused =
          new SSLException(
              "TLS renegotiation refused: " + peer + " started a new handshake on " + protocol);
      output.failed(refused);
      throw failed(refused);
    }
  }

  private SSLEngineResult unwrap(ByteBuffer src, ByteBuffer dst) throws IOException {
    int before = src.position();
    try {
      return engine.unwrap(src, dst);
    } catch (SSLHandshakeException e) {
      // After the first handshake, this is the peer refusing it late (a TLS 1.3 server checks
      // the client's certificate after the client is done); the handshake explains its own.
      throw failed(established ? HandshakeFailure.explain(e, peer) : e);
    } catch (SSLException e) {
      throw failed(e);
    } finally {
      consumed += src.position() - before;
    }
  }

  /** {@code plain} in write mode, keeping what it holds. */
  private ByteBuffer plainSpace() {
    if (plain.capacity() == 0) {
      plain = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
      return plain;
    }
    return plain.compact();
  }

  private void growPlain() {
    ByteBuffer grown = ByteBuffer.allocate(2 * Math.max(plain.capacity(), 1024));
    grown.put(plain).flip();
    plain = grown;
  }

  private int deliver(ByteBuffer dst) {
    int n = Math.min(plain.remaining(), dst.remaining());
    dst.put(dst.position(), plain, plain.position(), n);
    dst.position(dst.position() + n);
    plain.position(plain.position() + n);
    return n;
  }

  /** Copies the remaining bytes of {@code in} to {@code cipher}, replacing what it held. */
  private void keep(ByteBuffer in) {
    if (in == cipher) {
      return;
    }
    if (cipher.capacity() < in.remaining()) {
      cipher = ByteBuffer.allocate(Math.max(in.remaining(), 2 * cipher.capacity()));
    }
    cipher.clear();
    cipher.put(in).flip();
  }

  private IOException failed(IOException e) {
    if (failure == null) {
      failure = e;
    }
    return failure;
  }
}

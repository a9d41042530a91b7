package asyncigo.loop.net;

import asyncigo.api.Future;
import asyncigo.api.Handle;
import java.io.IOException;
import java.time.Duration;

/**
 * Keeps a closed TLS stream's socket open until its close_notify (and any ciphertext held before
 * it) is sent, so that a peer reading to the end sees a clean end of stream rather than a
 * truncation; gives up after {@link #TIMEOUT} (Netty's default) or when the loop closes. One of
 * the loop's {@link OwnedResources} while it lingers. Loop-confined.
 */
final class CloseNotifyLinger implements OwnedResources.Resource {
  /** The longest a closed stream's socket stays open to send close_notify. */
  static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final StreamContext context;
  private final SocketTransport socket;
  private final TlsOutput output;
  private Handle timer;
  private boolean done;

  private CloseNotifyLinger(StreamContext context, SocketTransport socket, TlsOutput output) {
    this.context = context;
    this.socket = socket;
    this.output = output;
  }

  /** Sends what {@code output} holds when the socket is writable, then closes the socket. */
  static void start(StreamContext context, SocketTransport socket, TlsOutput output) {
    CloseNotifyLinger linger = new CloseNotifyLinger(context, socket, output);
    context.owned().add(linger);
    linger.timer = context.loop().callLater(TIMEOUT, linger::close);
    linger.await();
  }

  private void await() {
    socket.writable().whenDone(this::writable);
  }

  private void writable(Future<Void> ready) {
    if (done) {
      return;
    }
    try {
      if (ready.state() == Future.State.SUCCEEDED && !output.sendHeld()) {
        await();
        return;
      }
    } catch (IOException e) {
      // the peer is gone: nothing left to send it
    }
    close();
  }

  @Override
  public void close() {
    if (!done) {
      done = true;
      timer.cancel();
      context.owned().remove(this);
      output.close();
      socket.close(true);
    }
  }
}

package asyncigo.loop.net;

import asyncigo.api.Future;
import asyncigo.api.Promise;
import asyncigo.api.net.StreamClosedException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The writing half of a {@link ChannelStream}.
 *
 * <p><b>Fast path.</b> When nothing is queued, {@link #write} hands the caller's bytes to the
 * kernel at once (through the loop's direct write scratch, the one copy any heap array needs); if
 * the kernel takes everything the returned future is the loop's shared completed one ({@link
 * StreamContext#written()}): nothing is allocated. Only the part the kernel refused is copied
 * into the {@link WriteQueue}.
 *
 * <p><b>Slow path.</b> While the queue is not empty, writes are copied to its tail, so bytes of
 * different writes never interleave. A single callback on WRITE readiness (no task) sends the
 * queue, completing write futures as their last byte goes out, and re-arms itself until the
 * queue is empty. Invariant: {@code armed} (a readiness callback is registered) whenever the
 * queue is not empty and the stream is neither closed nor broken.
 *
 * <p><b>Held bytes.</b> All I/O goes through a {@link StreamTransport}, which may hold back bytes
 * it took (TLS: the ciphertext of the last records the kernel refused). A write completes, and a
 * flush marker is passed, only once the transport holds nothing: the fast paths queue a write
 * whose bytes are held, and the readiness callback stays armed while anything is held.
 *
 * <p><b>Backpressure.</b> {@link #drain} waits on a future of its own (so that a cancelled drainer
 * cannot disturb the others), completed when pending output falls to the low-water mark.
 * {@link #flush} queues an empty marker entry and awaits it. {@link #shutdownOutput} only records
 * the request when output is queued; the writer half-closes the channel once the queue is empty,
 * so a caller cancelled while waiting does not cancel the half-close.
 *
 * <p><b>Failure.</b> The first write error breaks the output: queued writes and drainers fail with
 * it, later writes return futures failed with it, and drain, flush and shutdownOutput throw it.
 * Loop-confined.
 */
final class StreamOutput {
  private static final int DEFAULT_HIGH_WATER = 64 * 1024;
  private static final int DEFAULT_LOW_WATER = 16 * 1024;

  private final StreamContext context;
  private StreamTransport transport;
  private final WriteQueue queue = new WriteQueue();
  private final List<Promise<Void>> drainers = new ArrayList<>();
  private final Consumer<Future<Void>> onWritable = this::writable;
  private int highWater = DEFAULT_HIGH_WATER;
  private int lowWater = DEFAULT_LOW_WATER;
  private boolean armed;
  private boolean shutdownRequested;
  private boolean shutDown;
  private boolean closed;
  private IOException failure;

  StreamOutput(StreamContext context, StreamTransport transport) {
    this.context = context;
    this.transport = transport;
  }

  Future<Void> write(byte[] data) throws StreamClosedException {
    requireOpen();
    if (shutdownRequested) {
      throw new StreamClosedException("output is shut down");
    }
    if (failure != null) {
      return failed();
    }
    if (!queue.isEmpty()) {
      return queued(ByteBuffer.wrap(data.clone()));
    }
    return sendNow(data);
  }

  Future<Void> write(ByteBuffer src) throws StreamClosedException {
    requireOpen();
    if (shutdownRequested) {
      throw new StreamClosedException("output is shut down");
    }
    if (failure != null) {
      src.position(src.limit());
      return failed();
    }
    if (!queue.isEmpty()) {
      return queued(copyOf(src));
    }
    boolean sent;
    try {
      while (src.hasRemaining() && transport.write(src) > 0) {
        // the kernel took some; offer the rest
      }
      sent = !src.hasRemaining() && transport.sendHeld();
    } catch (IOException e) {
      src.position(src.limit());
      broken(e);
      return failed();
    }
    if (sent) {
      return context.written();
    }
    Future<Void> written = queued(copyOf(src));
    arm();
    return written;
  }

  /** A new future for {@code bytes}, queued behind what is queued already. */
  private Future<Void> queued(ByteBuffer bytes) {
    Promise<Void> written = context.loop().newFuture();
    queue.add(bytes, written);
    return written;
  }

  /** A new future failed with the output's failure. */
  private Future<Void> failed() {
    Promise<Void> written = context.loop().newFuture();
    written.fail(failure);
    return written;
  }

  /** A heap copy of {@code src}'s remaining bytes; consumes them. */
  private static ByteBuffer copyOf(ByteBuffer src) {
    ByteBuffer copy = ByteBuffer.allocate(src.remaining());
    copy.put(src).flip();
    return copy;
  }

  /** The fast path: sends what the kernel takes now and queues only the rest. */
  private Future<Void> sendNow(byte[] data) {
    ByteBuffer bytes = ByteBuffer.wrap(data);
    boolean sent;
    try {
      WriteQueue.send(transport, bytes, context.writeScratch());
      sent = !bytes.hasRemaining() && transport.sendHeld();
    } catch (IOException e) {
      broken(e);
      return failed();
    }
    if (sent) {
      return context.written();
    }
    Future<Void> written =
        queued(ByteBuffer.wrap(Arrays.copyOfRange(data, bytes.position(), data.length)));
    arm();
    return written;
  }

  void drain() throws IOException {
    requireUnbroken();
    if (queue.pending() <= highWater) {
      return;
    }
    Promise<Void> drained = context.loop().newFuture();
    drainers.add(drained);
    try {
      IoAwait.await(drained);
    } finally {
      drainers.remove(drained);
    }
  }

  void flush() throws IOException {
    requireUnbroken();
    if (!queue.isEmpty() || !sendHeld()) {
      Promise<Void> flushed = context.loop().newFuture();
      queue.addMarker(flushed);
      arm();
      IoAwait.await(flushed);
    }
  }

  void shutdownOutput() throws IOException {
    requireUnbroken();
    if (!shutdownRequested) {
      shutdownRequested = true;
      if (queue.isEmpty()) {
        shutDown = true;
        transport.shutdownOutput();
      }
    }
    flush();
    requireUnbroken();
  }

  /**
   * Sends through {@code next} from now on (STARTTLS). Call only when nothing is queued and the
   * output is not shut down.
   */
  void switchTo(StreamTransport next) {
    transport = next;
  }

  void writeLimits(int high, int low) {
    if (low < 0 || low > high) {
      throw new IllegalArgumentException(
          "write limits need 0 <= low <= high, got high=" + high + ", low=" + low);
    }
    highWater = high;
    lowWater = low;
    if (queue.pending() <= lowWater) {
      wakeDrainers();
    }
  }

  /** Whether every byte written was sent: nothing is queued (and so nothing held). */
  boolean isIdle() {
    return queue.isEmpty();
  }

  /** Whether {@link #shutdownOutput()} was called. */
  boolean isShutDown() {
    return shutdownRequested;
  }

  int pendingOutput() {
    return (int) Math.min(Integer.MAX_VALUE, queue.pending());
  }

  /** Fails the queued writes and the drainers; the stream closes the channel afterwards. */
  void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (!queue.isEmpty()) {
      queue.failAll(
          new StreamClosedException(
              queue.pending() > 0
                  ? "closed with " + queue.pending() + " bytes unsent"
                  : "closed before the last bytes written were sent"));
    }
    failDrainers(new StreamClosedException("stream closed while draining"));
  }

  private void arm() {
    if (!armed) {
      armed = true;
      transport.writable().whenDone(onWritable);
    }
  }

  private void writable(Future<Void> ready) {
    armed = false;
    if (closed || failure != null) {
      return;
    }
    if (ready.state() != Future.State.SUCCEEDED) {
      broken(
          ready.state() == Future.State.FAILED && ready.exceptionNow() instanceof IOException e
              ? e
              : new IOException("waiting for the stream to become writable failed"));
      return;
    }
    try {
      boolean empty = queue.sendTo(transport, context.writeScratch());
      if (empty && shutdownRequested && !shutDown) {
        shutDown = true;
        transport.shutdownOutput();
      }
      if (!empty || !transport.sendHeld()) {
        arm();
      }
    } catch (IOException e) {
      broken(e);
      return;
    }
    if (queue.pending() <= lowWater) {
      wakeDrainers();
    }
  }

  /** {@link StreamTransport#sendHeld()}, breaking the output if it fails. */
  private boolean sendHeld() throws IOException {
    try {
      return transport.sendHeld();
    } catch (IOException e) {
      broken(e);
      throw e;
    }
  }

  private void broken(IOException e) {
    failure = e;
    queue.failAll(e);
    failDrainers(e);
  }

  private void wakeDrainers() {
    for (Promise<Void> drained : drainers) {
      drained.complete(null);
    }
    drainers.clear();
  }

  private void failDrainers(IOException e) {
    for (Promise<Void> drained : drainers) {
      drained.fail(e);
    }
    drainers.clear();
  }

  private void requireOpen() throws StreamClosedException {
    if (closed) {
      throw new StreamClosedException("stream is closed");
    }
  }

  private void requireUnbroken() throws IOException {
    requireOpen();
    if (failure != null) {
      throw failure;
    }
  }
}

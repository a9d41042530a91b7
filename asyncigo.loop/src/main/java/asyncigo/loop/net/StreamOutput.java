package asyncigo.loop.net;

import asyncigo.api.Future;
import asyncigo.api.net.StreamClosedException;
import asyncigo.api.spi.PollStream;
import asyncigo.api.spi.Poller;
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
 * the kernel takes everything the returned future is already complete. Only the part the kernel
 * refused is copied into the {@link WriteQueue}.
 *
 * <p><b>Slow path.</b> While the queue is not empty, writes are copied to its tail, so bytes of
 * different writes never interleave. A single callback on WRITE readiness (no task) sends the
 * queue, completing write futures as their last byte goes out, and re-arms itself until the
 * queue is empty. Invariant: {@code armed} (a readiness callback is registered) whenever the
 * queue is not empty and the stream is neither closed nor broken.
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
  private final PollStream channel;
  private final WriteQueue queue = new WriteQueue();
  private final List<Future<Void>> drainers = new ArrayList<>();
  private final Consumer<Future<Void>> onWritable = this::writable;
  private int highWater = DEFAULT_HIGH_WATER;
  private int lowWater = DEFAULT_LOW_WATER;
  private boolean armed;
  private boolean shutdownRequested;
  private boolean shutDown;
  private boolean closed;
  private IOException failure;

  StreamOutput(StreamContext context, PollStream channel) {
    this.context = context;
    this.channel = channel;
  }

  Future<Void> write(byte[] data) throws StreamClosedException {
    requireOpen();
    if (shutdownRequested) {
      throw new StreamClosedException("output is shut down");
    }
    Future<Void> written = context.loop().newFuture();
    if (failure != null) {
      written.fail(failure);
    } else if (!queue.isEmpty()) {
      queue.add(ByteBuffer.wrap(data.clone()), written);
    } else {
      sendNow(data, written);
    }
    return written;
  }

  Future<Void> write(ByteBuffer src) throws StreamClosedException {
    requireOpen();
    if (shutdownRequested) {
      throw new StreamClosedException("output is shut down");
    }
    Future<Void> written = context.loop().newFuture();
    if (failure != null) {
      src.position(src.limit());
      written.fail(failure);
      return written;
    }
    if (queue.isEmpty()) {
      try {
        while (src.hasRemaining() && channel.write(src) > 0) {
          // the kernel took some; offer the rest
        }
      } catch (IOException e) {
        src.position(src.limit());
        broken(e);
        written.fail(e);
        return written;
      }
      if (!src.hasRemaining()) {
        written.complete(null);
        return written;
      }
      queue.add(copyOf(src), written);
      arm();
    } else {
      queue.add(copyOf(src), written);
    }
    return written;
  }

  /** A heap copy of {@code src}'s remaining bytes; consumes them. */
  private static ByteBuffer copyOf(ByteBuffer src) {
    ByteBuffer copy = ByteBuffer.allocate(src.remaining());
    copy.put(src).flip();
    return copy;
  }

  /** The fast path: sends what the kernel takes now and queues only the rest. */
  private void sendNow(byte[] data, Future<Void> written) {
    ByteBuffer bytes = ByteBuffer.wrap(data);
    try {
      WriteQueue.send(channel, bytes, context.writeScratch());
    } catch (IOException e) {
      broken(e);
      written.fail(e);
      return;
    }
    if (bytes.hasRemaining()) {
      byte[] rest = Arrays.copyOfRange(data, bytes.position(), data.length);
      queue.add(ByteBuffer.wrap(rest), written);
      arm();
    } else {
      written.complete(null);
    }
  }

  void drain() throws IOException {
    requireUnbroken();
    if (queue.pending() <= highWater) {
      return;
    }
    Future<Void> drained = context.loop().newFuture();
    drainers.add(drained);
    try {
      IoAwait.await(drained);
    } finally {
      drainers.remove(drained);
    }
  }

  void flush() throws IOException {
    requireUnbroken();
    if (!queue.isEmpty()) {
      Future<Void> flushed = context.loop().newFuture();
      queue.addMarker(flushed);
      IoAwait.await(flushed);
    }
  }

  void shutdownOutput() throws IOException {
    requireUnbroken();
    if (!shutdownRequested) {
      shutdownRequested = true;
      if (queue.isEmpty()) {
        shutDown = true;
        channel.shutdownOutput();
        return;
      }
    }
    flush();
    requireUnbroken();
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
          new StreamClosedException("closed with " + queue.pending() + " bytes unsent"));
    }
    failDrainers(new StreamClosedException("stream closed while draining"));
  }

  private void arm() {
    if (!armed) {
      armed = true;
      context.io().ready(channel, Poller.WRITE).whenDone(onWritable);
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
      if (!queue.sendTo(channel, context.writeScratch())) {
        arm();
      } else if (shutdownRequested && !shutDown) {
        shutDown = true;
        channel.shutdownOutput();
      }
    } catch (IOException e) {
      broken(e);
      return;
    }
    if (queue.pending() <= lowWater) {
      wakeDrainers();
    }
  }

  private void broken(IOException e) {
    failure = e;
    queue.failAll(e);
    failDrainers(e);
  }

  private void wakeDrainers() {
    for (Future<Void> drained : drainers) {
      drained.complete(null);
    }
    drainers.clear();
  }

  private void failDrainers(IOException e) {
    for (Future<Void> drained : drainers) {
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

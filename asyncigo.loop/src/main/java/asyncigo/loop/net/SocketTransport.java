package asyncigo.loop.net;

import asyncigo.api.Future;
import asyncigo.api.Promise;
import asyncigo.api.spi.PollStream;
import asyncigo.api.spi.Poller;
import asyncigo.loop.io.IoWatch;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The plain {@link StreamTransport}: the channel's own reads and writes and the loop's readiness
 * futures for it. Holds nothing back. Loop-confined.
 */
final class SocketTransport implements StreamTransport {
  private final IoWatch<PollStream> watch;
  private final PollStream channel;

  SocketTransport(IoWatch<PollStream> watch) {
    this.watch = watch;
    this.channel = watch.channel();
  }

  /** The channel under this transport. */
  PollStream channel() {
    return channel;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    return channel.read(dst);
  }

  @Override
  public Promise<Void> readable() {
    return watch.ready(Poller.READ);
  }

  /** {@inheritDoc} Parks the task on the channel's watch: nothing is allocated. */
  @Override
  public void awaitReadable() throws IOException {
    watch.await(Poller.READ);
  }

  @Override
  public int write(ByteBuffer src) throws IOException {
    return channel.write(src);
  }

  @Override
  public boolean sendHeld() {
    return true;
  }

  @Override
  public Promise<Void> writable() {
    return watch.ready(Poller.WRITE);
  }

  @Override
  public void shutdownOutput() throws IOException {
    channel.shutdownOutput();
  }

  @Override
  public void close(boolean outputComplete) {
    watch.close("stream closed");
  }
}

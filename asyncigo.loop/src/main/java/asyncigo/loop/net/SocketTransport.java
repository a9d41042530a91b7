package asyncigo.loop.net;

import asyncigo.api.Future;
import asyncigo.api.Promise;
import asyncigo.api.spi.PollStream;
import asyncigo.api.spi.Poller;
import asyncigo.loop.io.IoReadiness;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The plain {@link StreamTransport}: the channel's own reads and writes and the loop's readiness
 * futures for it. Holds nothing back. Loop-confined.
 */
final class SocketTransport implements StreamTransport {
  private final IoReadiness io;
  private final PollStream channel;

  SocketTransport(IoReadiness io, PollStream channel) {
    this.io = io;
    this.channel = channel;
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
    return io.ready(channel, Poller.READ);
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
    return io.ready(channel, Poller.WRITE);
  }

  @Override
  public void shutdownOutput() throws IOException {
    channel.shutdownOutput();
  }

  @Override
  public void close(boolean outputComplete) {
    io.close(channel, "stream closed");
  }
}

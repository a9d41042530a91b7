package asyncigo.loop.net;

import asyncigo.api.Loop;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.Pipe;
import asyncigo.api.net.Server;
import asyncigo.api.net.StreamHandler;
import asyncigo.api.spi.Poller;
import asyncigo.loop.io.IoReadiness;

/** The loop's networking entry points: {@link Loop#connect}, {@link Loop#listen}, {@link Loop#pipe}. */
public final class Network {
  private final Loop loop;
  private final IoReadiness io;
  private final Poller poller;

  public Network(Loop loop, IoReadiness io, Poller poller) {
    this.loop = loop;
    this.io = io;
    this.poller = poller;
  }

  public AsyncStream connect(String host, int port) throws java.io.IOException {
    throw new UnsupportedOperationException("TODO(streams)");
  }

  public Server listen(String host, int port, StreamHandler handler)
      throws java.io.IOException {
    throw new UnsupportedOperationException("TODO(streams)");
  }

  public Pipe pipe() throws java.io.IOException {
    throw new UnsupportedOperationException("TODO(streams)");
  }
}

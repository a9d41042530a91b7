package asyncigo.iter.internal;

import asyncigo.api.Loop;
import asyncigo.api.iter.AsyncIterator;
import asyncigo.api.net.AsyncStream;
import asyncigo.iter.Generator;
import asyncigo.iter.Yield;
import java.util.Objects;

/**
 * The generator behind {@code dialLines}: connects on the current loop, yields the stream's
 * lines, and closes the connection however the iteration ends (the seed leaked it).
 */
public final class DialLines implements Generator<byte[]> {
  private final String host;
  private final int port;

  public DialLines(String host, int port) {
    Objects.requireNonNull(host, "host");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("dialLines: port must be in 1..65535: " + port);
    }
    this.host = host;
    this.port = port;
  }

  @Override
  public void generate(Yield<byte[]> out) throws Exception {
    try (AsyncStream stream = Loop.current().connect(host, port);
        AsyncIterator<byte[]> lines = stream.lines().iterator()) {
      while (lines.hasNext()) {
        out.yield(lines.next());
      }
    }
  }
}

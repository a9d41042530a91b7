package asyncigo.tck;

import asyncigo.api.Loop;
import asyncigo.api.Promise;
import asyncigo.api.Task;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.Pipe;
import asyncigo.api.net.Server;
import java.nio.file.Path;

/**
 * Two connected streams of one transport: bytes written to {@code writer} are read from {@code
 * reader}. For TCP and Unix domain sockets the writer is the client and the reader the server's
 * side of the connection; for a pipe they are its sink and source. {@link #close()} closes both
 * (and the server).
 *
 * @param writer the end the test writes to
 * @param reader the end the test reads from
 * @param server the server that accepted the connection, or null for a pipe
 * @since 0.1
 */
public record TransportPair(AsyncStream writer, AsyncStream reader, Server server)
    implements AutoCloseable {

  /**
   * The two kinds of transport the contract runs on.
   *
   * @since 0.1
   */
  public enum Kind {
    /** A loopback TCP connection ({@link TransportPair#tcp}). */
    TCP,
    /** An in-process pipe ({@link TransportPair#pipe}). */
    PIPE;

    /**
     * Opens a pair of this kind; call from a task of {@code loop}.
     *
     * @param loop the loop of the calling task
     * @return the pair
     * @throws Exception if connecting or listening fails
     */
    public TransportPair open(Loop loop) throws Exception {
      return this == TCP ? tcp(loop) : pipe(loop);
    }
  }

  /**
   * A TCP connection on the loopback interface. The server's handler parks until the server is
   * closed with {@link Server#closeAll()}. Call from a task of {@code loop}.
   *
   * @param loop the loop of the calling task
   * @return the pair
   * @throws Exception if listening or connecting fails
   */
  public static TransportPair tcp(Loop loop) throws Exception {
    Promise<AsyncStream> accepted = loop.newFuture();
    Server server =
        loop.listen(
            "127.0.0.1",
            0,
            stream -> {
              accepted.complete(stream);
              loop.newFuture().await();
            });
    AsyncStream client = loop.connect("127.0.0.1", server.localAddress().getPort());
    return new TransportPair(client, accepted.await(), server);
  }

  /**
   * A Unix domain socket connection through a socket file at {@code path} (which must not exist);
   * the server's handler parks until the server is closed with {@link Server#closeAll()}, which
   * deletes the file. Call from a task of {@code loop}.
   *
   * @param loop the loop of the calling task
   * @param path the socket file to listen on
   * @return the pair
   * @throws Exception if listening or connecting fails
   */
  public static TransportPair unix(Loop loop, Path path) throws Exception {
    Promise<AsyncStream> accepted = loop.newFuture();
    Server server =
        loop.listenUnix(
            path,
            stream -> {
              accepted.complete(stream);
              loop.newFuture().await();
            });
    AsyncStream client = loop.connectUnix(path);
    return new TransportPair(client, accepted.await(), server);
  }

  /**
   * A pipe from {@link Loop#pipe()}.
   *
   * @param loop the loop of the calling task
   * @return the pair
   * @throws Exception if the pipe cannot be made
   */
  public static TransportPair pipe(Loop loop) throws Exception {
    Pipe pipe = loop.pipe();
    return new TransportPair(pipe.sink(), pipe.source(), null);
  }

  /**
   * Sends {@code sent} with {@code writer} from a task of its own while the calling task reads it
   * with {@code reader}; then waits for the writer and closes the pair.
   *
   * @param loop the loop of the calling task
   * @param writer how the bytes are written
   * @param reader how they are read
   * @param sent the bytes to send
   * @return the bytes read
   * @throws Exception if writing or reading fails
   */
  public byte[] carry(Loop loop, TransportWriter writer, TransportReader reader, byte[] sent)
      throws Exception {
    try (TransportPair pair = this) {
      Task<Void> sending =
          loop.spawn(
              "writer",
              () -> {
                writer.send(loop, pair.writer, sent);
                return null;
              });
      byte[] got = reader.receive(pair.reader);
      sending.await();
      return got;
    }
  }

  @Override
  public void close() {
    writer.close();
    reader.close();
    if (server != null) {
      server.closeAll();
    }
  }
}

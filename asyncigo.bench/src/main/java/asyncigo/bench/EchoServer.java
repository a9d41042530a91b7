package asyncigo.bench;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Path;

/**
 * One echo server of the echo benchmark, run in-process on 127.0.0.1: it sends back every byte it
 * receives, on each connection. Started and closed once per benchmark row by one thread.
 */
interface EchoServer {
  /** The column name in the table, such as {@code asyncigo-nio}. */
  String name();

  /**
   * Starts serving on a free port of 127.0.0.1 and returns the bound address.
   *
   * @throws Exception with the cause when this server cannot run here (such as a missing native
   *     transport); the benchmark prints the cause and goes on without it
   */
  InetSocketAddress start() throws Exception;

  /**
   * Starts serving on a Unix domain socket at {@code path} (which must not exist) with one
   * thread, and returns the bound address.
   *
   * @throws Exception with the cause when this server cannot run here
   * @throws UnsupportedOperationException if this server has no Unix domain socket mode
   */
  default SocketAddress startUnix(Path path) throws Exception {
    throw new UnsupportedOperationException(name() + " has no Unix domain socket mode");
  }

  /** Stops accepting, closes every connection and releases the server's threads. */
  void close() throws Exception;
}

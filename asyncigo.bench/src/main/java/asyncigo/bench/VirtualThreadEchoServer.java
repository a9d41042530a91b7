package asyncigo.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JDK peer: blocking {@link ServerSocket} I/O with one virtual thread per connection (and one
 * accepting), TCP_NODELAY on as the other servers have it. It runs on the JDK's default virtual
 * thread scheduler, whose parallelism {@link EchoBench} pins to 1 unless told otherwise.
 */
final class VirtualThreadEchoServer implements EchoServer {
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private ServerSocket listener;
  private Thread acceptor;

  @Override
  public String name() {
    return "vthreads";
  }

  @Override
  public InetSocketAddress start() throws IOException {
    listener = new ServerSocket();
    listener.bind(new InetSocketAddress("127.0.0.1", 0));
    acceptor = Thread.ofVirtual().name("vthreads-accept").start(this::acceptLoop);
    return (InetSocketAddress) listener.getLocalSocketAddress();
  }

  private void acceptLoop() {
    try {
      while (true) {
        Socket socket = listener.accept();
        socket.setTcpNoDelay(true);
        open.add(socket);
        Thread.ofVirtual().start(() -> echo(socket));
      }
    } catch (IOException closed) {
      // The listener was closed: stop accepting.
    }
  }

  /** Echoes the socket until the peer closes it: read what came, write it back. */
  private void echo(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      byte[] buffer = new byte[65536];
      for (int n; (n = in.read(buffer)) > 0; ) {
        out.write(buffer, 0, n);
      }
    } catch (IOException reset) {
      // The peer or close() ended the connection.
    } finally {
      open.remove(socket);
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    listener.close();
    for (Socket s : open) {
      s.close();
    }
    if (!acceptor.join(STOP_TIMEOUT)) {
      throw new IllegalStateException("the accepting thread did not stop within " + STOP_TIMEOUT);
    }
  }
}

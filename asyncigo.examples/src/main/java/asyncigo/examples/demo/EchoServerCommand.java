package asyncigo.examples.demo;

import asyncigo.api.Loop;
import asyncigo.api.LoopOptions;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.Server;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code asyncigo echo-server}: a TCP echo server on one loop, until the user interrupts it. The
 * interrupt (a JVM shutdown hook) hands the stop to the loop with {@code callSoonThreadsafe}:
 * the server closes every connection ({@link Server#closeAll()}), the main task ends, and the
 * hook returns once the loop is closed.
 */
final class EchoServerCommand implements Command {
  static final Flag HOST = new Flag("host", "HOST", "127.0.0.1", "the address to listen on");
  static final Flag PORT =
      new Flag("port", "PORT", "7007", "the port to listen on (0: any free port)");

  /** How long the interrupt waits for the loop to close the connections and stop. */
  private static final long STOP_TIMEOUT_SECONDS = 10;

  private static final int READ_SIZE = 64 * 1024;

  @Override
  public String name() {
    return "echo-server";
  }

  @Override
  public String summary() {
    return "serve TCP echo until interrupted (Ctrl-C)";
  }

  @Override
  public String description() {
    return """
        Listens on HOST:PORT and sends every byte it receives back on the same connection,
        one task per connection, all on one loop. Prints the address it listens on, then
        serves until interrupted: Ctrl-C closes every connection and exits cleanly.""";
  }

  @Override
  public List<Flag> flags() {
    return List.of(HOST, PORT, PollerFlag.FLAG);
  }

  @Override
  public int run(Arguments args, Console console) throws Exception {
    String host = args.string(HOST).orElseThrow();
    int port = args.integer(PORT, 0, 65535);
    LoopOptions options = PollerFlag.options(args);
    CountDownLatch closed = new CountDownLatch(1);
    try (Loop loop = Loop.open(options)) {
      console.err().println(LoopBanner.of(loop));
      Stopper stopper = new Stopper();
      console.interrupts().onInterrupt(() -> stopFromAnotherThread(loop, stopper, closed));
      loop.run(
          () -> {
            Server server = loop.listen(host, port, EchoServerCommand::echo);
            console.out().println("listening on " + server.localAddress() + "; Ctrl-C stops");
            stopper.serving(server);
            server.serveForever();
            int count = stopper.connectionsAtStop;
            console.out().println(
                "stopped; closed " + count + (count == 1 ? " connection" : " connections"));
            return null;
          });
    } finally {
      closed.countDown();
    }
    return 0;
  }

  private static void echo(AsyncStream stream) throws Exception {
    for (byte[] chunk = stream.read(READ_SIZE); chunk != null; chunk = stream.read(READ_SIZE)) {
      stream.write(chunk);
      stream.drain();
    }
  }

  private static void stopFromAnotherThread(Loop loop, Stopper stopper, CountDownLatch closed) {
    if (closed.getCount() == 0) {
      return; // the command is over: the process is exiting normally
    }
    try {
      loop.callSoonThreadsafe(stopper::stop);
      closed.await(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (IllegalStateException loopAlreadyClosed) {
      // the command ended meanwhile: nothing to stop
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the server, whether the stop comes before or after it is listening. Loop-confined. */
  private static final class Stopper {
    private Server server;
    private boolean stopRequested;
    private int connectionsAtStop;

    void serving(Server server) {
      this.server = server;
      if (stopRequested) {
        stop();
      }
    }

    void stop() {
      stopRequested = true;
      if (server != null) {
        connectionsAtStop = server.connections();
        server.closeAll();
      }
    }
  }
}

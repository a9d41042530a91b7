package asyncigo.examples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import asyncigo.api.Loop;
import asyncigo.api.LoopGroup;
import asyncigo.api.LoopGroupOptions;
import asyncigo.api.LoopOptions;
import asyncigo.api.UnhandledFailure;
import asyncigo.api.net.GroupServer;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** README "Loop groups": a group serving until another thread closes it, submit, options. */
class LoopGroupSnippetTest {
  private static int compute() {
    return 42;
  }

  /** Stands in for a shutdown hook: connects once, then closes the server from its own thread. */
  private static void closeOnShutdown(GroupServer server) {
    Thread.ofPlatform().start(() -> {
      try (Socket s = new Socket("127.0.0.1", server.localAddress().getPort())) {
        s.getOutputStream().write('x');
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      server.close();
    });
  }

  /** A stand-in for a database reached from another loop. */
  private record Db(Loop home) {
    int count() {
      home.checkLoopThread("Db.count"); // only its own loop may touch it
      return 7;
    }
  }

  /** A stand-in for an alerting client. */
  private record Alerts(List<UnhandledFailure> sent) {
    void send(UnhandledFailure failure) {
      sent.add(failure);
    }
  }

  @Test
  void aGroupServesUntilAnotherThreadClosesTheServer() throws IOException {
    int port = 0;
    // The README quotes from here to the end of the try.
    try (LoopGroup group = LoopGroup.open()) {            // one loop per available processor; open(n)
      int answer = group.run(() -> compute());             // a main task on group.next(), blocking
      GroupServer server = group.listen("0.0.0.0", port, stream -> {
        // runs on the loop this connection was given to, for the connection's whole life
      });
      closeOnShutdown(server);                             // e.g. another thread closes it on SIGTERM
      server.serveForever();                               // until another thread closes the server
    }                                                      // close(): graceful, see below
  }

  @Test
  void aTaskOfOneLoopHasWorkDoneOnAnother() {
    try (LoopGroup group = LoopGroup.open(2)) {
      Db db = new Db(group.loops().get(1));
      int result = group.run(() -> {
        int rows = group.loops().get(1).submit(() -> db.count()).await();   // inside a task of loop 0
        return rows;
      });
      assertEquals(7, result);
    }
  }

  @Test
  void aGroupTakesItsOptionsAndOneExceptionHandler() {
    Alerts alerts = new Alerts(new ArrayList<>());
    LoopGroup group = LoopGroup.open(LoopGroupOptions.defaults()
        .loops(4)
        .loopOptions(LoopOptions.defaults().poller("epoll"))      // every loop's options
        .shutdownGrace(Duration.ofSeconds(30))
        .exceptionHandler((loop, failure) -> alerts.send(failure)));
    try (group) {
      assertEquals(4, group.loops().size());
      assertEquals("epoll", group.next().pollerSelection().chosen());
    }
  }
}

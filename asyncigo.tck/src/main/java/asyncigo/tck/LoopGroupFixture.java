package asyncigo.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import asyncigo.api.Loop;
import asyncigo.api.LoopGroup;
import asyncigo.api.LoopGroupOptions;
import asyncigo.api.LoopOptions;
import asyncigo.api.UnhandledFailure;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;

/**
 * What the loop group contracts share: groups on the backend under test whose one exception
 * handler records every report with the loop it names and the loop it ran on; a test that expects
 * none (the default) fails if one came. Plain {@code java.net} sockets are the clients.
 */
public abstract class LoopGroupFixture extends TransportFixture {
  /** How long a test waits for a client socket's read. */
  private static final int READ_TIMEOUT_MILLIS = 10_000;

  /** One call of the group's exception handler. */
  protected record Report(Loop loop, UnhandledFailure failure, Optional<Loop> ranOn) {}

  private final List<Report> reports = new ArrayList<>();
  private boolean reportsExpected;

  /** A group of {@code loops} loops on the backend under test, recording every report. */
  protected LoopGroup openGroup(int loops) {
    return LoopGroup.open(options().loops(loops));
  }

  /** The options {@link #openGroup} uses, for tests that change one. */
  protected LoopGroupOptions options() {
    return LoopGroupOptions.defaults()
        .loopOptions(LoopOptions.defaults().poller(pollerName()))
        .exceptionHandler((loop, failure) -> {
          synchronized (reports) {
            reports.add(new Report(loop, failure, Loop.running()));
            reports.notifyAll();
          }
        });
  }

  /** Waits until {@code count} reports came (10 seconds at most) and returns them all. */
  protected List<Report> awaitReports(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    synchronized (reports) {
      for (long left = deadline - System.nanoTime(); reports.size() < count && left > 0;
          left = deadline - System.nanoTime()) {
        TimeUnit.NANOSECONDS.timedWait(reports, left);
      }
    }
    List<Report> all = reports();
    assertEquals(count, all.size(), all::toString);
    return all;
  }

  /** The reports so far; a test that calls this expects reports, and none fails it. */
  protected List<Report> reports() {
    reportsExpected = true;
    synchronized (reports) {
      return List.copyOf(reports);
    }
  }

  /** Fails the test if a report came that it did not ask for. */
  @AfterEach
  public void noUnexpectedReports() {
    if (!reportsExpected) {
      synchronized (reports) {
        assertEquals(List.of(), List.copyOf(reports), "reports to the group's exception handler");
      }
    }
  }

  /** The live threads of every loop group. */
  protected static Set<Thread> groupThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("asyncigo-group-") && t.isAlive())
        .collect(Collectors.toSet());
  }

  /** A client connected to {@code address}, whose reads time out after 10 seconds. */
  protected static Socket client(InetSocketAddress address) throws IOException {
    Socket socket = new Socket(address.getAddress(), address.getPort());
    socket.setSoTimeout(READ_TIMEOUT_MILLIS);
    return socket;
  }

  /** Writes {@code text} on {@code socket}. */
  protected static void send(Socket socket, String text) throws IOException {
    socket.getOutputStream().write(bytes(text));
  }

  /** Reads {@code length} bytes from {@code socket} as text; fewer at end of stream. */
  protected static String receive(Socket socket, int length) throws IOException {
    InputStream in = socket.getInputStream();
    return text(in.readNBytes(length));
  }
}

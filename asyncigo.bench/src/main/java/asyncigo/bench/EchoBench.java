package asyncigo.bench;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The echo benchmark of issues 3 and 5: in one run, one server after the other, in-process on
 * 127.0.0.1, each single-threaded, driven by the same neutral load client ({@link
 * PingPongClient}): asyncigo on the NIO poller, asyncigo on the epoll poller, Netty 4.2 with one
 * event-loop thread on its NIO and its epoll transport, and a virtual-thread-per-connection
 * blocking server. Rows are connection counts × message sizes; within a row the servers run back
 * to back, each freshly started, so the ratios compare measurements taken close together. With
 * {@code --repeat N} the whole matrix runs N times and the tables show medians and spreads, which
 * a noisy machine needs. A warm-up pass (every server on the first row, discarded) comes first, so
 * that no server pays for the JIT compiling the client. A server that cannot run here (no epoll)
 * is reported and skipped.
 *
 * <p>The virtual-thread server is made single-threaded like the others by setting {@code
 * jdk.virtualThreadScheduler.parallelism} to 1 before any virtual thread exists, unless the
 * command line sets it.
 *
 * <p>Usage: {@code java --add-opens java.base/java.lang=ALL-UNNAMED
 * --enable-native-access=ALL-UNNAMED -cp benchmarks.jar asyncigo.bench.EchoBench [--seconds 3]
 * [--warmup 1] [--repeat 1] [--connections 10,100] [--sizes 1024,65536] [--servers
 * asyncigo-nio,asyncigo-epoll,netty-nio,netty-epoll,vthreads]}
 */
public final class EchoBench {
  private static final String VTHREAD_PARALLELISM = "jdk.virtualThreadScheduler.parallelism";

  private EchoBench() {}

  /** Every server, in table order, by name. */
  private static Map<String, Supplier<EchoServer>> allServers() {
    Map<String, Supplier<EchoServer>> servers = new LinkedHashMap<>();
    servers.put("asyncigo-nio", () -> new AsyncigoEchoServer("nio"));
    servers.put("asyncigo-epoll", () -> new AsyncigoEchoServer("epoll"));
    servers.put("netty-nio", () -> new NettyEchoServer(NettyEchoServer.Transport.NIO));
    servers.put("netty-epoll", () -> new NettyEchoServer(NettyEchoServer.Transport.EPOLL));
    servers.put("vthreads", VirtualThreadEchoServer::new);
    return servers;
  }

  public static void main(String[] args) throws Exception {
    if (System.getProperty(VTHREAD_PARALLELISM) == null) {
      System.setProperty(VTHREAD_PARALLELISM, "1");
    }
    Map<String, String> options = parse(args);
    Duration measured = Duration.ofSeconds(Long.parseLong(options.get("seconds")));
    Duration warmup = Duration.ofSeconds(Long.parseLong(options.get("warmup")));
    int repeat = Integer.parseInt(options.get("repeat"));
    int[] connectionCounts = ints(options.get("connections"));
    int[] sizes = ints(options.get("sizes"));
    Map<String, Supplier<EchoServer>> servers = allServers();
    List<String> names = Arrays.asList(options.get("servers").split(","));
    for (String n : names) {
      if (!servers.containsKey(n)) {
        throw new IllegalArgumentException("unknown server " + n + "; known: " + servers.keySet());
      }
    }

    System.out.printf(
        Locale.ROOT,
        "echo benchmark: %s s per row after %s s warm-up, %d time(s); JDK %s; %d cores;"
            + " asyncigo engine %s; %s=%s%n",
        measured.toSeconds(), warmup.toSeconds(), repeat, Runtime.version(),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("asyncigo.engine", "auto"), VTHREAD_PARALLELISM,
        System.getProperty(VTHREAD_PARALLELISM));

    EchoTable table = new EchoTable(names);
    Map<String, String> unavailable = new LinkedHashMap<>();
    EchoTable.Row first = new EchoTable.Row(connectionCounts[0], sizes[0]);
    System.out.println("warm-up pass (not counted):");
    EchoTable discarded = new EchoTable(names);
    for (String name : names) {
      String failure =
          measure(servers.get(name).get(), first, message(sizes[0]), warmup, warmup, discarded);
      if (failure != null && failure.startsWith("cannot start")) {
        unavailable.put(name, failure);
        table.unavailable(name, failure);
      }
    }
    for (int round = 1; round <= repeat; round++) {
      System.out.println("round " + round + " of " + repeat + ":");
      for (int size : sizes) {
        ByteBuffer message = message(size);
        for (int connections : connectionCounts) {
          EchoTable.Row row = new EchoTable.Row(connections, size);
          for (String name : names) {
            if (!unavailable.containsKey(name)) {
              measure(servers.get(name).get(), row, message, warmup, measured, table);
            }
          }
        }
      }
    }
    System.out.println();
    System.out.print(table.render());
  }

  /**
   * Starts {@code server}, drives it for one row and closes it; returns null or what went wrong
   * (also recorded in {@code table}).
   */
  private static String measure(
      EchoServer server, EchoTable.Row row, ByteBuffer message, Duration warmup,
      Duration measured, EchoTable table) {
    InetSocketAddress address;
    try {
      address = server.start();
    } catch (Exception e) {
      String failure = "cannot start: " + e;
      table.fail(row, server.name(), failure);
      System.out.printf("%-16s %s%n", server.name(), failure);
      return failure;
    }
    String failure = null;
    try {
      PingPongClient.Result r =
          PingPongClient.run(address, row.connections(), message, warmup, measured);
      table.record(row, server.name(), r);
      System.out.printf(
          Locale.ROOT,
          "%-16s %4d connections × %6d B: %,10.0f round trips/s, %6.1f µs server CPU each,"
              + " client busy %3.0f%%%n",
          server.name(), row.connections(), row.messageBytes(), r.perSecond(),
          r.serverCpuMicrosPerRoundTrip(), 100 * r.clientBusy());
    } catch (Exception e) {
      failure = "failed: " + e;
      table.fail(row, server.name(), failure);
      System.out.printf("%-16s %s%n", server.name(), failure);
    } finally {
      try {
        server.close();
      } catch (Exception e) {
        System.out.printf("%-16s did not close cleanly: %s%n", server.name(), e);
      }
    }
    return failure;
  }

  /** A direct buffer of {@code size} pseudo-random bytes, the same in every run. */
  private static ByteBuffer message(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return ByteBuffer.allocateDirect(size).put(bytes).flip();
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("seconds", "3");
    options.put("warmup", "1");
    options.put("repeat", "1");
    options.put("connections", "10,100");
    options.put("sizes", "1024,65536");
    options.put("servers", String.join(",", allServers().keySet()));
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    while (!rest.isEmpty()) {
      String flag = rest.remove(0);
      if (!flag.startsWith("--") || !options.containsKey(flag.substring(2)) || rest.isEmpty()) {
        throw new IllegalArgumentException(
            "usage: EchoBench [--seconds N] [--warmup N] [--repeat N] [--connections A,B]"
                + " [--sizes A,B] [--servers a,b]; got " + flag);
      }
      options.put(flag.substring(2), rest.remove(0));
    }
    return options;
  }

  private static int[] ints(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(",")).mapToInt(Integer::parseInt).toArray();
  }
}

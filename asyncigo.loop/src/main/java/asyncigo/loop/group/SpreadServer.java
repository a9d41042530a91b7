package asyncigo.loop.group;

import asyncigo.api.Coroutine;
import asyncigo.api.Loop;
import asyncigo.api.UncheckedExecutionException;
import asyncigo.api.net.GroupServer;
import asyncigo.api.net.Server;
import asyncigo.api.net.StreamHandler;
import asyncigo.loop.core.RealLoop;
import asyncigo.loop.net.HandOffAcceptor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A group's server: one part per loop, each a {@link Server} of that loop (see {@link
 * RealLoopGroup#listen}). Where the kernel balances shared ports, every part listens on a socket
 * of its own (SO_REUSEPORT); otherwise the first loop also runs a {@link HandOffAcceptor} that
 * hands each connection to the receiving part of the next loop. Every part runs the handler
 * through a counter of running handlers, which {@link #connections()} reads and the group's
 * graceful close waits on. Thread-safe; parts are only touched on their own loop. A graceful
 * {@link #shutdown} hands each loop's part of it over with {@code callSoonThreadsafe} and adds the
 * outcomes up as they come, so it never waits.
 */
final class SpreadServer implements GroupServer {
  private final InetSocketAddress localAddress;
  private final Map<Loop, List<Server>> parts;
  private final AtomicInteger running;
  private final Consumer<SpreadServer> onClose;

  private SpreadServer(
      InetSocketAddress localAddress,
      Map<Loop, List<Server>> parts,
      AtomicInteger running,
      Consumer<SpreadServer> onClose) {
    this.localAddress = localAddress;
    this.parts = parts;
    this.running = running;
    this.onClose = onClose;
  }

  /**
   * Listens on every loop; if a loop fails, closes the parts already listening and throws.
   *
   * @param onClose told once the server is closed
   */
  static SpreadServer listen(
      List<RealLoop> loops, String host, int port, StreamHandler handler,
      Consumer<SpreadServer> onClose) throws IOException {
    AtomicInteger running = new AtomicInteger();
    StreamHandler counted = stream -> {
      running.incrementAndGet();
      try {
        handler.handle(stream);
      } finally {
        if (running.decrementAndGet() == 0) {
          synchronized (running) {
            running.notifyAll();
          }
        }
      }
    };
    Map<Loop, List<Server>> parts = new LinkedHashMap<>();
    try {
      RealLoop first = loops.get(0);
      InetSocketAddress local =
          call(first, () -> first.network().localAddress(host, port));
      boolean eachListens = call(first, () -> first.network().kernelBalancesSharedPorts());
      if (eachListens) {
        Server firstPart = call(first, () -> first.network().listenSharingPort(local, counted));
        add(parts, first, firstPart);
        InetSocketAddress bound = firstPart.localAddress(); // the port given, when 0 was asked
        for (RealLoop loop : loops.subList(1, loops.size())) {
          add(parts, loop, call(loop, () -> loop.network().listenSharingPort(bound, counted)));
        }
        return new SpreadServer(bound, parts, running, onClose);
      }
      HandOffAcceptor acceptor = call(first, () -> HandOffAcceptor.bind(first.network(), local));
      add(parts, first, acceptor);
      InetSocketAddress bound = acceptor.localAddress();
      List<HandOffAcceptor.Receiver> receivers = new ArrayList<>();
      for (RealLoop loop : loops) {
        HandOffAcceptor.Receiver receiver =
            call(loop, () -> HandOffAcceptor.Receiver.open(loop.network(), bound, counted));
        receivers.add(receiver);
        add(parts, loop, receiver.server());
      }
      call(first, () -> {
        acceptor.start(receivers);
        return null;
      });
      return new SpreadServer(bound, parts, running, onClose);
    } catch (IOException | RuntimeException e) {
      if (!parts.isEmpty()) {
        try {
          closeParts(parts, Server::close);
        } catch (RuntimeException closing) {
          e.addSuppressed(closing);
        }
      }
      throw e;
    }
  }

  @Override
  public InetSocketAddress localAddress() {
    return localAddress;
  }

  @Override
  public int connections() {
    return running.get();
  }

  @Override
  public void serveForever() {
    LoopCalls.onEach(
        "GroupServer.serveForever", List.copyOf(parts.keySet()),
        loop -> () -> {
          parts.get(loop).forEach(Server::serveForever);
          return null;
        },
        true);
  }

  @Override
  public void close() {
    closeParts(parts, Server::close);
    onClose.accept(this);
  }

  @Override
  public void closeAll() {
    closeParts(parts, Server::closeAll);
    onClose.accept(this);
  }

  @Override
  public CompletionStage<Integer> shutdown(Duration grace) {
    Objects.requireNonNull(grace, "grace must not be null");
    if (grace.isNegative()) {
      throw new IllegalArgumentException("shutdown grace must not be negative: " + grace);
    }
    List<CompletableFuture<Integer>> perLoop = new ArrayList<>();
    for (Map.Entry<Loop, List<Server>> part : parts.entrySet()) {
      CompletableFuture<Integer> closed = new CompletableFuture<>();
      perLoop.add(closed);
      try {
        part.getKey().callSoonThreadsafe(() -> shutdownParts(part.getValue(), grace, closed));
      } catch (IllegalStateException loopClosed) {
        closed.complete(0);
      }
    }
    return CompletableFuture.allOf(perLoop.toArray(CompletableFuture[]::new))
        .thenApply(all -> perLoop.stream().mapToInt(CompletableFuture::join).sum())
        .whenComplete((count, failure) -> onClose.accept(this));
  }

  /** On the parts' loop: shuts each down and completes {@code closed} with the sum. */
  private static void shutdownParts(
      List<Server> loopParts, Duration grace, CompletableFuture<Integer> closed) {
    int[] left = {loopParts.size()};
    int[] sum = {0};
    for (Server part : loopParts) {
      part.shutdown(grace)
          .whenDone(
              done -> {
                sum[0] += done.resultNow();
                if (--left[0] == 0) {
                  closed.complete(sum[0]);
                }
              });
    }
  }

  /**
   * Waits until no handler runs or the deadline ({@link System#nanoTime()}) passes; true if none
   * runs. For a thread that runs no loop.
   */
  boolean awaitIdle(long deadline) throws InterruptedException {
    synchronized (running) {
      for (long left = deadline - System.nanoTime(); running.get() > 0 && left > 0;
          left = deadline - System.nanoTime()) {
        TimeUnit.NANOSECONDS.timedWait(running, left);
      }
      return running.get() == 0;
    }
  }

  @Override
  public String toString() {
    return "GroupServer[" + localAddress + ", " + parts.size() + " loops]";
  }

  private static void closeParts(Map<Loop, List<Server>> parts, Consumer<Server> close) {
    LoopCalls.onEach(
        "GroupServer.close", List.copyOf(parts.keySet()),
        loop -> () -> {
          parts.get(loop).forEach(close);
          return null;
        },
        true);
  }

  private static void add(Map<Loop, List<Server>> parts, Loop loop, Server part) {
    parts.computeIfAbsent(loop, l -> new ArrayList<>()).add(part);
  }

  /** Runs {@code step} on {@code loop} and waits for it; an IOException is thrown as it is. */
  private static <T> T call(Loop loop, Coroutine<T> step) throws IOException {
    try {
      return LoopCalls.on("LoopGroup.listen", loop, step);
    } catch (UncheckedExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw e;
    }
  }
}

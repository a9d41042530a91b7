package asyncigo.loop.group;

import asyncigo.api.Coroutine;
import asyncigo.api.Loop;
import asyncigo.api.LoopGroup;
import asyncigo.api.LoopGroupOptions;
import asyncigo.api.UnhandledFailure;
import asyncigo.api.net.GroupServer;
import asyncigo.api.net.StreamHandler;
import asyncigo.loop.core.RealLoop;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link LoopGroup}: {@link GroupLoop}s (a thread and its loop each), the round robin of
 * {@link #next()}, the servers to stop on close, and the one exception handler, which {@link
 * #report} calls one failure at a time. Thread-safe.
 */
public final class RealLoopGroup implements LoopGroup {
  private static final Logger LOG = LoggerFactory.getLogger("asyncigo.loop.group");
  private static final AtomicInteger GROUPS = new AtomicInteger();

  private final LoopGroupOptions options;
  private final List<GroupLoop> members;
  private volatile List<RealLoop> loops;
  private final BiConsumer<Loop, UnhandledFailure> handler;
  private final Object reporting = new Object();
  private final AtomicInteger turn = new AtomicInteger();
  private final Set<SpreadServer> servers = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closing = new AtomicBoolean();

  private RealLoopGroup(LoopGroupOptions options) {
    this.options = options;
    this.handler = options.exceptionHandler().orElse(RealLoopGroup::log);
    int id = GROUPS.incrementAndGet();
    List<GroupLoop> all = new ArrayList<>();
    for (int i = 0; i < options.loops(); i++) {
      String name = "asyncigo-group-" + id + "-loop-" + i;
      all.add(new GroupLoop(name, options.loopOptions(), this::report));
    }
    this.members = List.copyOf(all);
  }

  /** See {@link LoopGroup#open(LoopGroupOptions)}. */
  public static RealLoopGroup open(LoopGroupOptions options) {
    Objects.requireNonNull(options, "options");
    RealLoopGroup group = new RealLoopGroup(options);
    group.members.forEach(GroupLoop::start);
    List<RealLoop> running = new ArrayList<>();
    RuntimeException failure = null;
    for (GroupLoop member : group.members) {
      try {
        running.add(member.awaitRunning());
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      group.stopAndJoin();
      throw failure;
    }
    group.loops = List.copyOf(running);
    return group;
  }

  @Override
  public List<Loop> loops() {
    return List.copyOf(loops);
  }

  @Override
  public Loop next() {
    return loops.get(Math.floorMod(turn.getAndIncrement(), loops.size()));
  }

  @Override
  public <T> T run(Coroutine<T> main) {
    if (main == null) {
      throw new NullPointerException("task body must not be null");
    }
    refuseOnLoopThread("LoopGroup.run", "it would block that loop until main ends");
    checkOpen("LoopGroup.run");
    return LoopCalls.block(next(), "main", main);
  }

  @Override
  public GroupServer listen(String host, int port, StreamHandler handler) throws IOException {
    Objects.requireNonNull(handler, "handler");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be from 0 to 65535, got " + port);
    }
    checkOpen("LoopGroup.listen");
    SpreadServer server = SpreadServer.listen(loops, host, port, handler, servers::remove);
    servers.add(server);
    return server;
  }

  @Override
  public void close() {
    close(options.shutdownGrace());
  }

  @Override
  public void close(Duration grace) {
    if (grace.isNegative()) {
      throw new IllegalArgumentException("shutdown grace must not be negative: " + grace);
    }
    refuseOnLoopThread("LoopGroup.close", "a loop cannot wait for itself to stop");
    if (closing.compareAndSet(false, true)) {
      long deadline = System.nanoTime() + grace.toNanos();
      List<SpreadServer> open = List.copyOf(servers);
      open.forEach(SpreadServer::close);
      try {
        for (SpreadServer server : open) {
          server.awaitIdle(deadline);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // the grace period ends early
      }
    }
    stopAndJoin();
  }

  @Override
  public String toString() {
    return "LoopGroup[" + members.size() + " loops" + (closing.get() ? ", closed" : "") + "]";
  }

  /** Reports {@code failure} of {@code member} to the group's handler, one at a time. */
  private void report(GroupLoop member, UnhandledFailure failure) {
    synchronized (reporting) {
      try {
        handler.accept(member.loop(), failure);
      } catch (RuntimeException | Error e) {
        LOG.error("the loop group's exception handler failed", e);
        LOG.error("{}: {}", member, failure.message(), failure.exception());
      }
    }
  }

  /** The default handler: one error line naming the loop's thread, with the exception. */
  private static void log(Loop loop, UnhandledFailure failure) {
    LOG.error("{}: {}", Thread.currentThread().getName(), failure.message(), failure.exception());
  }

  private void stopAndJoin() {
    for (GroupLoop member : members) {
      if (member.loop() != null) {
        member.stop();
      }
    }
    members.forEach(GroupLoop::join);
  }

  private void checkOpen(String what) {
    if (closing.get()) {
      throw new IllegalStateException(what + ": the loop group is closed");
    }
  }

  private static void refuseOnLoopThread(String what, String why) {
    Loop.running()
        .ifPresent(
            loop -> {
              throw new IllegalStateException(
                  what + " must not be called on a loop's thread (" + why + "): call it from a"
                      + " thread that runs no loop, not from " + Thread.currentThread().getName());
            });
  }
}

package asyncigo.loop.io;

import asyncigo.api.Loop;
import asyncigo.api.spi.PollChannel;
import asyncigo.api.spi.Poller;
import java.io.IOException;

/**
 * The loop's {@link IoReadiness}: registers each channel with the poller, its {@link IoWatch} as
 * the attachment, and keeps the counts the scheduler asks about. The poller calls {@link #sink}
 * inside {@code poll}, on the strand holding the loop. Loop-confined.
 */
public final class PollerIo implements IoReadiness {
  private final Poller poller;
  private final Loop loop;
  private int open;
  private int interested;

  /** The sink the scheduler passes to {@link Poller#poll}: hands readiness to the watch. */
  public final Poller.ReadySink sink = (watch, readyOps) -> ((IoWatch<?>) watch).onReady(readyOps);

  public PollerIo(Poller poller, Loop loop) {
    this.poller = poller;
    this.loop = loop;
  }

  /** Whether any channel is registered (polling can find something). */
  public boolean hasWatches() {
    return open > 0;
  }

  /** Whether any channel has a non-empty interest set: a task or callback waits for I/O. */
  public boolean hasInterest() {
    return interested > 0;
  }

  @Override
  public <C extends PollChannel> IoWatch<C> open(C channel) throws IOException {
    IoWatch<C> watch = new IoWatch<>(this, channel);
    watch.registered(poller.register(channel, 0, watch));
    open++;
    return watch;
  }

  Loop loop() {
    return loop;
  }

  /** A watch's interest set went from {@code before} to {@code after}. */
  void interestChanged(int before, int after) {
    if (before == 0 && after != 0) {
      interested++;
    } else if (before != 0 && after == 0) {
      interested--;
    }
  }

  /** A watch closed. */
  void closed() {
    open--;
  }
}

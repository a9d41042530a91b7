package asyncigo.poll.epoll;

import asyncigo.api.spi.PollChannel;
import asyncigo.api.spi.PollKey;

/**
 * A registration with an {@link EpollPoller}. Loop-confined. {@code id} tags this registration's
 * epoll events (see the poller's overview); {@code interest} is the set recorded last, {@code
 * applied} the one the epoll set holds. {@link #interest(int)} queues the key once with its
 * poller, which makes the two agree when it next polls.
 */
final class EpollKey implements PollKey {
  final EpollPoller poller;
  final EpollChannel channel;
  final int id;
  private final Object attachment;
  /** The interest set recorded last. */
  int interest;
  /** The interest set in the epoll set (0: the descriptor is not in it). */
  int applied;
  /** Whether the key waits in the poller's queue. */
  boolean queued;
  /** Cleared by cancel, the channel's close, or the poller's close. */
  boolean valid = true;

  EpollKey(EpollPoller poller, EpollChannel channel, int id, Object attachment) {
    this.poller = poller;
    this.channel = channel;
    this.id = id;
    this.attachment = attachment;
  }

  @Override
  public PollChannel channel() {
    return channel;
  }

  @Override
  public Object attachment() {
    return attachment;
  }

  @Override
  public int interest() {
    return valid ? interest : 0;
  }

  @Override
  public void interest(int interest) {
    EpollPoller.checkInterest(interest);
    if (!valid) {
      return;
    }
    this.interest = interest;
    if (!queued) {
      queued = true;
      poller.queue(this);
    }
  }

  @Override
  public boolean isValid() {
    return valid;
  }

  @Override
  public void cancel() {
    poller.cancel(this);
  }

  @Override
  public String toString() {
    return "EpollKey[" + channel + ", interest " + interest() + "]";
  }
}

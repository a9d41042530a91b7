package asyncigo.poll.nio;

import asyncigo.api.spi.PollChannel;
import asyncigo.api.spi.PollKey;

/**
 * A registration with a {@link NioPoller}: the {@link PollKey} attached to the channel's {@link
 * java.nio.channels.SelectionKey}. Loop-confined. {@link #interest(int)} records the set and
 * queues the key with its poller, which hands the set to the selection key when it next polls
 * ({@link #apply()}).
 */
final class NioKey implements PollKey {
  private final NioPoller poller;
  private final SelectorEntry entry;
  private final PollChannel channel;
  private final Object attachment;
  private int interest;
  private boolean queued;

  NioKey(NioPoller poller, SelectorEntry entry, PollChannel channel, Object attachment) {
    this.poller = poller;
    this.entry = entry;
    this.channel = channel;
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
    return isValid() ? interest : 0;
  }

  @Override
  public void interest(int interest) {
    NioPoller.checkInterest(interest);
    if (!isValid()) {
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
    return entry.holds(this);
  }

  @Override
  public void cancel() {
    entry.release(this);
  }

  /** Called by the poller before it selects: hands the recorded set to the selection key. */
  void apply() {
    queued = false;
    if (isValid()) {
      entry.apply(interest);
    }
  }

  @Override
  public String toString() {
    return "NioKey[" + channel + ", interest " + interest() + "]";
  }
}

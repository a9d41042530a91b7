package asyncigo.poll.nio;

import asyncigo.api.spi.PollChannel;
import asyncigo.api.spi.Poller;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;

/**
 * Where one channel made by a {@link NioPoller} stands in that poller's selector. Loop-confined.
 *
 * <p>The {@link SelectionKey} is made on the first {@link #register} and kept for the channel's
 * life, attached to the channel's current {@link NioKey} (null while none is valid). Cancelling a
 * {@code NioKey} clears the selection key's interest set and attachment instead of cancelling it:
 * a cancelled selection key stays in the selector until the next selection, and registering its
 * channel again before then throws {@link java.nio.channels.CancelledKeyException}; keeping the
 * key avoids that trap. The selection key is cancelled only by closing the channel (NIO does
 * that) or the selector.
 *
 * <p>{@link Poller#READ} and {@link Poller#WRITE} map onto whichever NIO operations the channel
 * supports: READ is {@code OP_READ} or {@code OP_ACCEPT}; WRITE is {@code OP_WRITE} plus, for a
 * socket, {@code OP_CONNECT}. A connecting socket is ready for {@code OP_CONNECT} only, a connected
 * one for {@code OP_WRITE} only, so the pair reports WRITE in both states without the selector
 * spinning on a stale operation. Operations a channel does not support (WRITE on a listener or on a
 * pipe's read end) are dropped, as an OS poller would simply never report them.
 */
final class SelectorEntry {
  /** The NIO operations reported as {@link Poller#READ}. */
  static final int READ_OPS = SelectionKey.OP_READ | SelectionKey.OP_ACCEPT;

  /** The NIO operations reported as {@link Poller#WRITE}. */
  static final int WRITE_OPS = SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT;

  private final NioPoller poller;
  private final Selector selector;
  private final SelectableChannel channel;
  private SelectionKey key;
  private NioKey current;

  SelectorEntry(NioPoller poller, SelectableChannel channel) {
    this.poller = poller;
    this.selector = poller.selector();
    this.channel = channel;
  }

  /** Closes the channel and, if it was ever registered, releases its descriptor at once. */
  void close() throws IOException {
    channel.close();
    if (key != null) {
      poller.releaseClosed();
    }
  }

  /** Whether the channel was ever registered with the selector (its key then stays in it). */
  boolean everRegistered() {
    return key != null;
  }

  /** Whether this entry's channel was made for {@code other}. */
  boolean belongsTo(Selector other) {
    return selector == other;
  }

  /** Starts watching the channel; see {@link Poller#register}. */
  NioKey register(PollChannel owner, int interest, Object attachment) throws IOException {
    if (current != null && key.isValid()) {
      throw new IllegalArgumentException("channel is already registered: " + owner);
    }
    if (!channel.isOpen()) {
      throw new ClosedChannelException();
    }
    if (key == null) {
      key = channel.register(selector, 0);
    } else if (!key.isValid()) {
      throw new ClosedSelectorException();
    }
    NioKey registered = new NioKey(poller, this, owner, attachment);
    current = registered;
    key.attach(registered);
    registered.interest(interest);
    return registered;
  }

  /** Whether {@code k} is the channel's valid key. */
  boolean holds(NioKey k) {
    return current == k && key.isValid();
  }

  /** Gives the selector {@code interest}, if it differs from what it watches. */
  void apply(int interest) {
    int ops = selectionOps(interest);
    if (key.interestOps() != ops) {
      key.interestOps(ops);
      poller.countInterestUpdate();
    }
  }

  /** Stops watching for {@code k}, if it is the channel's valid key. */
  void release(NioKey k) {
    if (!holds(k)) {
      return;
    }
    current = null;
    key.attach(null);
    apply(0);
  }

  /** The NIO interest set for {@code interest}, limited to what the channel supports. */
  private int selectionOps(int interest) {
    int valid = channel.validOps();
    int ops = 0;
    if ((interest & Poller.READ) != 0) {
      ops |= valid & READ_OPS;
    }
    if ((interest & Poller.WRITE) != 0) {
      ops |= valid & WRITE_OPS;
    }
    return ops;
  }
}

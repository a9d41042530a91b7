package asyncigo.poll.nio;

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
 * life: {@link #unregister} clears the key's interest set and attachment instead of cancelling it.
 * A cancelled key stays in the selector until the next selection, and registering its channel
 * again before then throws {@link java.nio.channels.CancelledKeyException}; keeping the key avoids
 * that trap and turns unregister/register into two interest updates. The key is cancelled only by
 * closing the channel (NIO does that) or the selector.
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
  private boolean registered;

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
  void register(int interest, Object attachment) throws IOException {
    if (registered && key.isValid()) {
      throw new IllegalArgumentException("channel is already registered: " + channel);
    }
    if (!channel.isOpen()) {
      throw new ClosedChannelException();
    }
    int ops = selectionOps(interest);
    if (key == null) {
      key = channel.register(selector, ops, attachment);
    } else if (key.isValid()) {
      key.attach(attachment);
      key.interestOps(ops);
    } else {
      throw new ClosedSelectorException();
    }
    registered = true;
  }

  /** Replaces the interest set; does nothing unless registered and open. */
  void interest(int interest) {
    if (registered && key.isValid()) {
      key.interestOps(selectionOps(interest));
    }
  }

  /** Stops watching the channel; does nothing unless registered. */
  void unregister() {
    if (registered) {
      registered = false;
      if (key.isValid()) {
        key.interestOps(0);
        key.attach(null);
      }
    }
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

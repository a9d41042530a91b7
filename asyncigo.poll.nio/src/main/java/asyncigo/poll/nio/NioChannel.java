package asyncigo.poll.nio;

import asyncigo.api.spi.PollChannel;

/** A channel made by a {@link NioPoller}: it exposes where it stands in that poller's selector. */
interface NioChannel extends PollChannel {
  /** This channel's place in the selector of the poller that made it. */
  SelectorEntry entry();
}

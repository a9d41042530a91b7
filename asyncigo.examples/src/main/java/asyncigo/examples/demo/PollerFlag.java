package asyncigo.examples.demo;

import asyncigo.api.LoopOptions;
import java.util.List;

/** The {@code --poller nio|epoll} flag shared by the networking commands. */
final class PollerFlag {
  static final Flag FLAG =
      new Flag("poller", "nio|epoll", null, "force a poller (default: the best available one)");

  private PollerFlag() {}

  /** The loop options with the poller the user forced, if any. */
  static LoopOptions options(Arguments args) throws UsageException {
    LoopOptions defaults = LoopOptions.defaults();
    return args.choice(FLAG, List.of("nio", "epoll")).map(defaults::poller).orElse(defaults);
  }
}

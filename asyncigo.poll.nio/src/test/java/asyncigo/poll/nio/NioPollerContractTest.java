package asyncigo.poll.nio;

import asyncigo.tck.PollerContract;

/** The NIO selector poller keeps the poller contract. */
class NioPollerContractTest extends PollerContract {
  @Override
  protected String pollerName() {
    return "nio";
  }
}

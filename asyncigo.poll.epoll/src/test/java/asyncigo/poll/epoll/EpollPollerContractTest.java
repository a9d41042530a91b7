package asyncigo.poll.epoll;

import asyncigo.tck.PollerContract;

/** The whole poller contract, on epoll. */
class EpollPollerContractTest extends PollerContract {
  @Override
  protected String pollerName() {
    return "epoll";
  }
}

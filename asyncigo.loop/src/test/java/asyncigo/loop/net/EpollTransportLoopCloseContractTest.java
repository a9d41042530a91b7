package asyncigo.loop.net;

import asyncigo.tck.TransportLoopCloseContract;

class EpollTransportLoopCloseContractTest extends TransportLoopCloseContract {
  @Override
  protected String pollerName() {
    return "epoll";
  }
}

package asyncigo.loop.net;

import asyncigo.tck.TransportThreadingContract;

class EpollTransportThreadingContractTest extends TransportThreadingContract {
  @Override
  protected String pollerName() {
    return "epoll";
  }
}

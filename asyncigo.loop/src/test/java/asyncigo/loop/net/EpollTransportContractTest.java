package asyncigo.loop.net;

import asyncigo.tck.TransportContract;

class EpollTransportContractTest extends TransportContract {
  @Override
  protected String pollerName() {
    return "epoll";
  }
}

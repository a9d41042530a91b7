package asyncigo.loop.net;

import asyncigo.tck.TransportResetContract;

class EpollTransportResetContractTest extends TransportResetContract {
  @Override
  protected String pollerName() {
    return "epoll";
  }
}

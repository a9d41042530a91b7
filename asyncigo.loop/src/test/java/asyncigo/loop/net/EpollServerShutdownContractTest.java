package asyncigo.loop.net;

import asyncigo.tck.ServerShutdownContract;

class EpollServerShutdownContractTest extends ServerShutdownContract {
  @Override
  protected String pollerName() {
    return "epoll";
  }
}

package asyncigo.loop.net;

import asyncigo.tck.DatagramLifecycleContract;

class EpollDatagramLifecycleContractTest extends DatagramLifecycleContract {
  @Override
  protected String pollerName() {
    return "epoll";
  }
}

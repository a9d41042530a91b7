package asyncigo.loop.net;

import asyncigo.tck.DatagramContract;

class EpollDatagramContractTest extends DatagramContract {
  @Override
  protected String pollerName() {
    return "epoll";
  }
}

package asyncigo.loop.net;

import asyncigo.tck.DatagramAddressContract;

class EpollDatagramAddressContractTest extends DatagramAddressContract {
  @Override
  protected String pollerName() {
    return "epoll";
  }
}

package asyncigo.loop.net;

import asyncigo.tck.UnixSocketContract;

class EpollUnixSocketContractTest extends UnixSocketContract {
  @Override
  protected String pollerName() {
    return "epoll";
  }
}

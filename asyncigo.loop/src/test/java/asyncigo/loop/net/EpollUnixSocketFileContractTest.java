package asyncigo.loop.net;

import asyncigo.tck.UnixSocketFileContract;

class EpollUnixSocketFileContractTest extends UnixSocketFileContract {
  @Override
  protected String pollerName() {
    return "epoll";
  }
}

package asyncigo.loop.net;

import asyncigo.tck.TlsTransportLoopCloseContract;

class EpollTlsTransportLoopCloseContractTest extends TlsTransportLoopCloseContract {
  @Override
  protected String pollerName() {
    return "epoll";
  }
}

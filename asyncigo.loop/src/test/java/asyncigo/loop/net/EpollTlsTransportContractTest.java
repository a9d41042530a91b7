package asyncigo.loop.net;

import asyncigo.tck.TlsTransportContract;

class EpollTlsTransportContractTest extends TlsTransportContract {
  @Override
  protected String pollerName() {
    return "epoll";
  }
}

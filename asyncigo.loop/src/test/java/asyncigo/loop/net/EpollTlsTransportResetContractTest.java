package asyncigo.loop.net;

import asyncigo.tck.TlsTransportResetContract;

class EpollTlsTransportResetContractTest extends TlsTransportResetContract {
  @Override
  protected String pollerName() {
    return "epoll";
  }
}

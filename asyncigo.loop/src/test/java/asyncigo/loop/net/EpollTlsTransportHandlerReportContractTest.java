package asyncigo.loop.net;

import asyncigo.tck.TlsTransportHandlerReportContract;

class EpollTlsTransportHandlerReportContractTest extends TlsTransportHandlerReportContract {
  @Override
  protected String pollerName() {
    return "epoll";
  }
}

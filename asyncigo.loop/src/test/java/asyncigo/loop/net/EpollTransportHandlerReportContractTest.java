package asyncigo.loop.net;

import asyncigo.tck.TransportHandlerReportContract;

class EpollTransportHandlerReportContractTest extends TransportHandlerReportContract {
  @Override
  protected String pollerName() {
    return "epoll";
  }
}

package asyncigo.loop.net;

import asyncigo.tck.TransportHandlerReportContract;

class NioTransportHandlerReportContractTest extends TransportHandlerReportContract {
  @Override
  protected String pollerName() {
    return "nio";
  }
}

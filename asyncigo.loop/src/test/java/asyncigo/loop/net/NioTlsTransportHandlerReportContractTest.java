package asyncigo.loop.net;

import asyncigo.tck.TlsTransportHandlerReportContract;

class NioTlsTransportHandlerReportContractTest extends TlsTransportHandlerReportContract {
  @Override
  protected String pollerName() {
    return "nio";
  }
}

package asyncigo.loop.net;

import asyncigo.tck.TlsTransportContract;

class NioTlsTransportContractTest extends TlsTransportContract {
  @Override
  protected String pollerName() {
    return "nio";
  }
}

package asyncigo.loop.net;

import asyncigo.tck.TlsTransportResetContract;

class NioTlsTransportResetContractTest extends TlsTransportResetContract {
  @Override
  protected String pollerName() {
    return "nio";
  }
}

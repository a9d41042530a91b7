package asyncigo.loop.net;

import asyncigo.tck.TlsTransportLoopCloseContract;

class NioTlsTransportLoopCloseContractTest extends TlsTransportLoopCloseContract {
  @Override
  protected String pollerName() {
    return "nio";
  }
}

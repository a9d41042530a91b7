package asyncigo.loop.net;

import asyncigo.tck.TransportResetContract;

class NioTransportResetContractTest extends TransportResetContract {
  @Override
  protected String pollerName() {
    return "nio";
  }
}

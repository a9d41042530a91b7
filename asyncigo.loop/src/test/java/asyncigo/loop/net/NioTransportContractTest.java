package asyncigo.loop.net;

import asyncigo.tck.TransportContract;

class NioTransportContractTest extends TransportContract {
  @Override
  protected String pollerName() {
    return "nio";
  }
}

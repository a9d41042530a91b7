package asyncigo.loop.net;

import asyncigo.tck.TransportThreadingContract;

class NioTransportThreadingContractTest extends TransportThreadingContract {
  @Override
  protected String pollerName() {
    return "nio";
  }
}

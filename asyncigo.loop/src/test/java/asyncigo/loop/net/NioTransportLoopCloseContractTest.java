package asyncigo.loop.net;

import asyncigo.tck.TransportLoopCloseContract;

class NioTransportLoopCloseContractTest extends TransportLoopCloseContract {
  @Override
  protected String pollerName() {
    return "nio";
  }
}

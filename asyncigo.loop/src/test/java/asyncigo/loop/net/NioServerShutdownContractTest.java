package asyncigo.loop.net;

import asyncigo.tck.ServerShutdownContract;

class NioServerShutdownContractTest extends ServerShutdownContract {
  @Override
  protected String pollerName() {
    return "nio";
  }
}

package asyncigo.loop.net;

import asyncigo.tck.DatagramContract;

class NioDatagramContractTest extends DatagramContract {
  @Override
  protected String pollerName() {
    return "nio";
  }
}

package asyncigo.loop.net;

import asyncigo.tck.DatagramLifecycleContract;

class NioDatagramLifecycleContractTest extends DatagramLifecycleContract {
  @Override
  protected String pollerName() {
    return "nio";
  }
}

package asyncigo.loop.net;

import asyncigo.tck.DatagramAddressContract;

class NioDatagramAddressContractTest extends DatagramAddressContract {
  @Override
  protected String pollerName() {
    return "nio";
  }
}

package asyncigo.loop.net;

import asyncigo.tck.UnixSocketContract;

class NioUnixSocketContractTest extends UnixSocketContract {
  @Override
  protected String pollerName() {
    return "nio";
  }
}

package asyncigo.loop.net;

import asyncigo.tck.UnixSocketFileContract;

class NioUnixSocketFileContractTest extends UnixSocketFileContract {
  @Override
  protected String pollerName() {
    return "nio";
  }
}

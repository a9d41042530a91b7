package asyncigo.loop.process;

import asyncigo.tck.SubprocessContract;

class NioSubprocessContractTest extends SubprocessContract {
  @Override
  protected String pollerName() {
    return "nio";
  }
}

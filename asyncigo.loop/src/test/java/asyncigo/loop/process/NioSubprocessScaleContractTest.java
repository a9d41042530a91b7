package asyncigo.loop.process;

import asyncigo.tck.SubprocessScaleContract;

class NioSubprocessScaleContractTest extends SubprocessScaleContract {
  @Override
  protected String pollerName() {
    return "nio";
  }
}

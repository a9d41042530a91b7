package asyncigo.loop.group;

import asyncigo.tck.LoopGroupContract;

class NioLoopGroupContractTest extends LoopGroupContract {
  @Override
  protected String pollerName() {
    return "nio";
  }
}

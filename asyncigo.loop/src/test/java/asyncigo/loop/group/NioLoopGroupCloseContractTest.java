package asyncigo.loop.group;

import asyncigo.tck.LoopGroupCloseContract;

class NioLoopGroupCloseContractTest extends LoopGroupCloseContract {
  @Override
  protected String pollerName() {
    return "nio";
  }
}

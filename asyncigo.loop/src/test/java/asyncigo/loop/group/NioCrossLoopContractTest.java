package asyncigo.loop.group;

import asyncigo.tck.CrossLoopContract;

class NioCrossLoopContractTest extends CrossLoopContract {
  @Override
  protected String pollerName() {
    return "nio";
  }
}

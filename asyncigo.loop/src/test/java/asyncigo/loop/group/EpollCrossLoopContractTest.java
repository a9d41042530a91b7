package asyncigo.loop.group;

import asyncigo.tck.CrossLoopContract;

class EpollCrossLoopContractTest extends CrossLoopContract {
  @Override
  protected String pollerName() {
    return "epoll";
  }
}

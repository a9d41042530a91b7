package asyncigo.loop.group;

import asyncigo.tck.LoopGroupContract;

class EpollLoopGroupContractTest extends LoopGroupContract {
  @Override
  protected String pollerName() {
    return "epoll";
  }
}

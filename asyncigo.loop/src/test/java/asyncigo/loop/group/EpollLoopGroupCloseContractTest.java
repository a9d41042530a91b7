package asyncigo.loop.group;

import asyncigo.tck.LoopGroupCloseContract;

class EpollLoopGroupCloseContractTest extends LoopGroupCloseContract {
  @Override
  protected String pollerName() {
    return "epoll";
  }
}

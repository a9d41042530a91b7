package asyncigo.loop.process;

import asyncigo.tck.SubprocessScaleContract;

class EpollSubprocessScaleContractTest extends SubprocessScaleContract {
  @Override
  protected String pollerName() {
    return "epoll";
  }
}

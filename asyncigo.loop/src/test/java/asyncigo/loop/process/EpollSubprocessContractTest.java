package asyncigo.loop.process;

import asyncigo.tck.SubprocessContract;

class EpollSubprocessContractTest extends SubprocessContract {
  @Override
  protected String pollerName() {
    return "epoll";
  }
}

package asyncigo.loop.net;

import asyncigo.tck.CancelledDeliveryContract;

class EpollCancelledDeliveryContractTest extends CancelledDeliveryContract {
  @Override
  protected String pollerName() {
    return "epoll";
  }
}

package asyncigo.loop.net;

import asyncigo.tck.CancelledDeliveryContract;

class NioCancelledDeliveryContractTest extends CancelledDeliveryContract {
  @Override
  protected String pollerName() {
    return "nio";
  }
}

package asyncigo.tck;

import asyncigo.api.Loop;
import java.io.IOException;
import java.net.Socket;

/**
 * {@link TransportLoopCloseContract} over TLS ({@link TlsTestTransport}); the blocking peers
 * speak TLS too. Handshakes cost CPU, so the descriptor test closes 25 loops (instead of 100). A
 * backend runs it with a one-line subclass naming its provider.
 */
public abstract class TlsTransportLoopCloseContract extends TransportLoopCloseContract {

  @Override
  protected Loop transport(Loop loop) {
    return TlsTestTransport.view(loop);
  }

  @Override
  protected Socket speak(Socket plain, boolean client) throws IOException {
    return TlsTestTransport.speak(plain, client);
  }

  @Override
  protected int loopCycles() {
    return 25;
  }
}

package asyncigo.tck;

import asyncigo.api.Loop;
import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The transport contract over TLS ({@link TlsTestTransport}): every test of {@link
 * TransportContract} with TLS connections, so a TLS stream is held to a plaintext stream's
 * contract byte for byte. Pipes stay plaintext. Handshakes cost CPU, so the scale tests make 100
 * cycles and 100 concurrent connections (instead of 10,000 and 1,000), and the matrix runs its
 * slow writer (500-byte pieces with pauses, each piece a record of its own) once, with the text
 * and the line reader. A backend runs it with a one-line subclass naming its provider.
 */
public abstract class TlsTransportContract extends TransportContract {

  /** The matrix over TLS connections (see the class comment). */
  public static Stream<Arguments> matrix() {
    List<Arguments> cases = new ArrayList<>();
    for (TransportData data : TransportData.values()) {
      for (TransportReader reader : TransportReader.values()) {
        cases.add(
            Arguments.of(
                TransportPair.Kind.TCP, data, TransportWriter.ONE_WRITE_THEN_CLOSE, reader));
      }
    }
    cases.add(
        Arguments.of(
            TransportPair.Kind.TCP,
            TransportData.TEXT_LINES,
            TransportWriter.PIECES_OF_500_WITH_PAUSES,
            TransportReader.LINES));
    return cases.stream();
  }

  @Override
  protected Loop transport(Loop loop) {
    return TlsTestTransport.view(loop);
  }

  @Override
  protected Socket speak(Socket plain, boolean client) throws IOException {
    return TlsTestTransport.speak(plain, client);
  }

  @Override
  protected int connectCycles() {
    return 100;
  }

  @Override
  protected int concurrentConnections() {
    return 100;
  }
}

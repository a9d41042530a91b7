package asyncigo.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class UdpExampleTest {
  @Test
  void theClientPrintsTheEchoOfPing() throws Exception {
    assertEquals(List.of("udp echo: ping"), CoreExamplesTest.linesOf(UdpExample::run));
  }
}

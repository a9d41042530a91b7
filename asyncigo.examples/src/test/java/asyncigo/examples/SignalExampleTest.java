package asyncigo.examples;

import static asyncigo.examples.CoreExamplesTest.linesOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The signal example, with a real SIGUSR1 sent to this JVM by {@code kill}. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SignalExampleTest {
  @Test
  void signalExampleReceivesTheUsr1ItSendsItself() throws Exception {
    assertEquals(List.of("got signal USR1"), linesOf(SignalExample::run));
  }
}

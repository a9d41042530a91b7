package asyncigo.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SubprocessExampleTest {
  @Test
  void subprocessExamplePrintsTheChildsOutputErrorAndExitCode() throws Exception {
    assertEquals(
        List.of("stdout: out", "stderr: err", "exit code: 3"),
        CoreExamplesTest.linesOf(SubprocessExample::run));
  }
}

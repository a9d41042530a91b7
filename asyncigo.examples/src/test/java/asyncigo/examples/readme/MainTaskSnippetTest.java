package asyncigo.examples.readme;

import asyncigo.api.Loop;
import asyncigo.api.Task;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** README "Using it": the first snippet, on a real loop (it takes one second). */
class MainTaskSnippetTest {
  @Test
  void aLoopRunsAMainTaskThatAwaitsASubtask() {
    // The README quotes this try block.
    try (Loop loop = Loop.open()) {
      int answer = loop.run(() -> {
        Task<Integer> task = loop.spawn(() -> { loop.sleep(Duration.ofSeconds(1)); return 42; });
        return task.await();
      });
    }
  }
}
